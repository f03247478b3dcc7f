"""Parses an .ics file with the real `icalendar` library and prints its event as JSON.

Used by the end-to-end tests to prove the invitation opens in the tools people use.
"""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as handle:
    raw = handle.read()
calendar = icalendar.Calendar.from_ical(raw)
events = [component for component in calendar.walk() if component.name == "VEVENT"]
event = events[0]
longest = max(len(line) for line in raw.split(b"\r\n"))
print(json.dumps({
    "events": len(events),
    "summary": str(event.get("summary")),
    "description": str(event.get("description")),
    "location": str(event.get("location")),
    "uid": str(event.get("uid")),
    "start": event.decoded("dtstart").isoformat(),
    "end": event.decoded("dtend").isoformat(),
    "longest_line_octets": longest,
    "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
}, ensure_ascii=False))
