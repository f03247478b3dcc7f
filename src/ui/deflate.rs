//! Raw DEFLATE by the browser's own `CompressionStream` / `DecompressionStream`: share links get
//! short without a compression library in the wasm bundle.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CompressionFormat, CompressionStream, DecompressionStream, ReadableStream,
    ReadableStreamDefaultReader, ReadableWritablePair,
};

/// Compresses `bytes`.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let stream = CompressionStream::new(CompressionFormat::DeflateRaw).map_err(describe)?;
    let pair = ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_all(through(bytes, &pair)?, usize::MAX).await
}

/// Inflates `bytes`, giving up as soon as the output passes `limit` bytes, so a crafted payload
/// cannot fill memory. Corrupt input is an error too.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let stream = DecompressionStream::new(CompressionFormat::DeflateRaw).map_err(describe)?;
    let pair = ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_all(through(bytes, &pair)?, limit).await
}

fn through(bytes: &[u8], pair: &ReadableWritablePair) -> Result<ReadableStream, String> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(describe)?;
    Ok(blob.stream().pipe_through(pair))
}

async fn read_all(stream: ReadableStream, limit: usize) -> Result<Vec<u8>, String> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(describe)?;
        if Reflect::get(&chunk, &"done".into())
            .map_err(describe)?
            .is_truthy()
        {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(describe)?
            .unchecked_into();
        if out.len() + value.length() as usize > limit {
            // Stop the decompressor; what it would have said no longer matters.
            let _ = reader.cancel();
            return Err(format!("more than {limit} bytes"));
        }
        out.extend(value.to_vec());
    }
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
