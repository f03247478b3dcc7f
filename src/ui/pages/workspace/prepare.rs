//! The prepare tab (R1–R7): time with the working-day count, duration presets and format
//! details, then the agenda, pre-reads, attendance and notice sections from their own modules.

use chrono::{Local, TimeZone, Utc};
use leptos::prelude::*;

use crate::core::domain::edit::{FieldKey, Value};

use super::agenda_editor::AgendaEditor;
use super::attendance::Attendance;
use super::fields::{check_field, enum_select, text_field, Current};
use super::materials::{Materials, PreparationAsks};
use super::notice::NoticePanel;
use crate::core::domain::asks::AskKind;
use crate::core::domain::bounds::{minutes_from_input, MEETING_MINUTES};
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::FormatMode;
use crate::core::domain::time::{format_input, parse_input, working_days_after, LocalZone};
use crate::ui::browser::{self, DeviceZone};

#[component]
pub fn PrepareStage(current: Current) -> impl IntoView {
    let state = current.state;
    let (read, write) = (current.clone(), current.clone());
    let start = move || {
        read.read(|m| {
            m.schedule
                .starts_at
                .map(|at| format_input(DeviceZone.local(at)))
                .unwrap_or_default()
        })
    };
    let set_start = move |ev| {
        let value = event_target_value(&ev);
        if value.trim().is_empty() {
            write.edit(|m| m.schedule.starts_at = None);
            return;
        }
        match parse_input(&value).and_then(|naive| Local.from_local_datetime(&naive).earliest()) {
            Some(local) => write.edit(|m| m.schedule.starts_at = Some(local.with_timezone(&Utc))),
            // Keep the time already set; say why the new one was not taken.
            None => state.toasts.show(
                tr(state.prefs.lang.get_untracked(), T::BadDate, &[&value]),
                None,
            ),
        }
    };
    let c = current.clone();
    let days_ahead = move || {
        c.read(|m| {
            let start = m.schedule.starts_at.filter(|_| !m.has_started())?;
            let now = browser::now();
            if start <= now {
                return Some(state.text(T::StartPast).to_owned());
            }
            Some({
                let from = m.schedule.notice_sent_at.unwrap_or(now);
                let days = working_days_after(
                    DeviceZone.local(from).date(),
                    DeviceZone.local(start).date(),
                );
                tr(
                    state.prefs.lang.get(),
                    T::WorkingDaysAhead,
                    &[&days.to_string()],
                )
            })
        })
    };
    let (read, write) = (current.clone(), current.clone());
    let duration = move || read.read(|m| m.schedule.duration_minutes.to_string());
    let set_duration = move |minutes: u32| {
        write.edit(|m| {
            m.schedule.duration_minutes =
                minutes.clamp(*MEETING_MINUTES.start(), *MEETING_MINUTES.end())
        })
    };
    let preset = {
        let set_duration = set_duration.clone();
        let c = current.clone();
        move |minutes: u32| {
            let set_duration = set_duration.clone();
            let c = c.clone();
            view! {
                <button
                    type="button"
                    aria-pressed=move || c.read(|m| m.schedule.duration_minutes == minutes).to_string()
                    on:click=move |_| set_duration(minutes)
                >
                    {tr(state.prefs.lang.get_untracked(), T::MinutesShort, &[&minutes.to_string()])}
                </button>
            }
        }
    };
    let c = current.clone();
    let mode = move || c.read(|m| m.format.mode);
    let offline_fields = {
        let (c, mode) = (current.clone(), mode.clone());
        move || {
            (mode() != FormatMode::Online).then(|| view! {
                {text_field(&c, T::FieldRoom, "room", FieldKey::Room, |m| m.format.room.clone(), Value::Room)}
                {check_field(&c, T::RoomIsHome, FieldKey::RoomIsNeutral, |m| m.format.room_is_neutral == Some(false), |v| Value::RoomIsNeutral(Some(!v)))}
            })
        }
    };
    let online_fields = {
        let (c, mode) = (current.clone(), mode.clone());
        move || {
            (mode() != FormatMode::Offline).then(|| view! {
                {text_field(&c, T::FieldPlatform, "platform", FieldKey::Platform, |m| m.format.platform.clone(), Value::Platform)}
                {text_field(&c, T::FieldLink, "link", FieldKey::Link, |m| m.format.link.clone(), Value::Link)}
                {check_field(&c, T::DevicesTested, FieldKey::DevicesTested, |m| m.format.devices_tested, Value::DevicesTested)}
            })
        }
    };
    view! {
        <div class="form-grid">
            <label class="field">
                <span>{state.text(T::FieldStart)}</span>
                <input type="datetime-local" id="field-start" name="start" prop:value=start on:change=set_start/>
                <small class="muted" data-testid="working-days">{days_ahead}</small>
            </label>
            <div class="field span-2">
                <span id="duration-label">{state.text(T::FieldDuration)}</span>
                <div class="segmented" role="group" aria-labelledby="duration-label">
                    {preset(30)}
                    {preset(60)}
                    {preset(90)}
                    <input
                        type="number"
                        id="field-duration"
                        name="duration"
                        class="minutes"
                        min=*MEETING_MINUTES.start()
                        max=*MEETING_MINUTES.end()
                        step="5"
                        aria-labelledby="duration-label"
                        prop:value=duration
                        on:change=move |ev| {
                            let typed = event_target_value(&ev);
                            if let Some(minutes) = minutes_from_input(&typed, MEETING_MINUTES) {
                                set_duration(minutes)
                            }
                        }
                    />
                </div>
            </div>
            <label class="field">
                <span>{state.text(T::FieldFormat)}</span>
                {enum_select(&current, "field-format", &FormatMode::ALL, FormatMode::label, |m| m.format.mode, |m, v| m.format.mode = v)}
            </label>
            {offline_fields}
            {online_fields}
        </div>
        <AgendaEditor current=current.clone()/>
        <Materials current=current.clone()/>
        <PreparationAsks current=current.clone()/>
        <Attendance current=current.clone()/>
        <super::ask_panel::AskPanel current=current.clone() kinds=&[AskKind::Attendance]/>
        <section class="sub-section">
            <h2>{state.text(T::NoticeTitle)}</h2>
            <NoticePanel current=current.clone()/>
        </section>
    }
}
