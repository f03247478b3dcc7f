"""Reads an .ics file from standard input with the real `icalendar` library (PyPI) and prints
every VEVENT as JSON, so native tests check the owners' action calendar in the parser calendar
tools are built on, not only in their own."""
import json
import sys

import icalendar

raw = sys.stdin.buffer.read()
calendar = icalendar.Calendar.from_ical(raw)
events = []
for event in calendar.walk("VEVENT"):
    alarms = [alarm for alarm in event.walk("VALARM")]
    events.append({
        "uid": str(event.get("uid")),
        "dtstamp": event.get("dtstamp") is not None,
        "dtstart": event.decoded("dtstart").isoformat(),
        "summary": str(event.get("summary")),
        "description": str(event.get("description")),
        "status": str(event.get("status")),
        "rrule": event.get("rrule").to_ical().decode() if event.get("rrule") else None,
        # Seconds from the event's start: what the alarm means, however it is spelled.
        "triggers": [int(alarm.decoded("trigger").total_seconds()) for alarm in alarms],
        "alarm_actions": [str(alarm.get("action")) for alarm in alarms],
    })
print(json.dumps({
    "events": events,
    "longest_line_octets": max(len(line) for line in raw.split(b"\r\n")),
    "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
}, ensure_ascii=False))
