//! Writes the team space's benchmark files (BENCHMARKS.md, `node tests/e2e/bench-space.mjs`):
//! five devices' files of one space of 1,000 meetings, the first device's holding them all and
//! each other's its own edits of 200 of them, and prints how long merging them takes natively,
//! beside the browser's figure.
//!
//! `cargo run --release --features space --bin space_bench_files -- <folder> [meetings]`

#[cfg(all(feature = "space", not(target_arch = "wasm32")))]
fn main() {
    use chrono::{TimeZone, Utc};
    use crossmeet::core::domain::i18n::Lang;
    use crossmeet::core::domain::model::{ActionItem, Situation};
    use crossmeet::core::domain::templates::meeting_from_template;
    use crossmeet::core::space::Space;
    use std::time::Instant;

    let mut args = std::env::args().skip(1);
    let folder = std::path::PathBuf::from(args.next().expect("a folder to write the files into"));
    let count: usize = args
        .next()
        .map_or(1_000, |n| n.parse().expect("a number of meetings"));
    std::fs::create_dir_all(&folder).expect("the folder");
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let devices = [
        "d0d0d0d0d0d0d0d0",
        "d1d1d1d1d1d1d1d1",
        "d2d2d2d2d2d2d2d2",
        "d3d3d3d3d3d3d3d3",
        "d4d4d4d4d4d4d4d4",
    ];
    let mut first = Space::create("Bench", devices[0], "PMO", 0);
    let mut meetings = Vec::new();
    for n in 0..count {
        let id = format!("bench-{n:04}");
        let mut next = 0;
        let mut meeting = meeting_from_template(
            Situation::ProjectCollaboration,
            Lang::Zh,
            id.clone(),
            now,
            || {
                next += 1;
                format!("{id}-{next}")
            },
        );
        meeting.title = format!("第 {n} 次项目协调会");
        meeting.actions = (0..5)
            .map(|a| ActionItem {
                id: format!("{id}-a{a}"),
                task: format!("任务 {a}"),
                owner: "李雷".into(),
                ..ActionItem::default()
            })
            .collect();
        let json = serde_json::to_value(&meeting).unwrap();
        first.put_meeting(&id, &json, "PMO", n as i64);
        meetings.push((id, json));
    }
    let base = first.save();
    std::fs::write(folder.join(format!("{}.automerge", devices[0])), &base).unwrap();
    for (d, device) in devices.iter().enumerate().skip(1) {
        let mut space = Space::load(&base, device).unwrap();
        for (id, json) in meetings.iter().skip((d - 1) * count / 5).take(count / 5) {
            let mut edited = json.clone();
            edited["objective"] = format!("设备 {d} 改的目标").into();
            edited["actions"][0]["status"] = "Done".into();
            space.put_change(id, json, &edited, &format!("成员 {d}"), 1_000 + d as i64);
        }
        std::fs::write(folder.join(format!("{device}.automerge")), space.save()).unwrap();
    }
    // Natively, for the ratio: a new device joins from the first file and merges the others.
    let files: Vec<Vec<u8>> = devices
        .iter()
        .map(|device| std::fs::read(folder.join(format!("{device}.automerge"))).unwrap())
        .collect();
    let started = Instant::now();
    let mut joined = Space::load(&files[0], "e5e5e5e5e5e5e5e5").unwrap();
    let mut changed = 0;
    for file in &files[1..] {
        changed += joined.merge(file).unwrap().len();
    }
    let all: usize = joined
        .meeting_ids()
        .iter()
        .filter(|id| joined.meeting(id).is_some())
        .count();
    let took = started.elapsed();
    let sizes: Vec<usize> = files.iter().map(Vec::len).collect();
    println!(
        "{{\"meetings\":{all},\"changed\":{changed},\"native_ms\":{:.1},\"file_bytes\":{sizes:?}}}",
        took.as_secs_f64() * 1000.0
    );
}

#[cfg(not(all(feature = "space", not(target_arch = "wasm32"))))]
fn main() {}
