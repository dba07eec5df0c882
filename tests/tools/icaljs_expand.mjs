// Reads an iCalendar file on stdin with ical.js (an independent parser, not Python's icalendar) and
// prints every VEVENT's dates up to the date in argv[2] as JSON: [{uid, start, status}], start in UTC.
import ICAL from "ical.js";

const until = ICAL.Time.fromDateTimeString(process.argv[2] + "T00:00:00Z");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
    const calendar = new ICAL.Component(ICAL.parse(input));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) {
        ICAL.TimezoneService.register(zone);
    }
    const dates = [];
    for (const component of calendar.getAllSubcomponents("vevent")) {
        const event = new ICAL.Event(component);
        const status = component.getFirstPropertyValue("status");
        const iterator = event.iterator();
        for (let next = iterator.next(); next && next.compare(until) < 0; next = iterator.next()) {
            const start = next.isDate ? next.toString() : next.convertToZone(ICAL.Timezone.utcTimezone).toString();
            dates.push({ uid: event.uid, start, status });
            if (!event.isRecurring()) break;
        }
    }
    process.stdout.write(JSON.stringify(dates));
});
