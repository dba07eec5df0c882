// Reads an iCalendar subscription on stdin with ical.js, as a calendar app does: each repeating
// VEVENT with the overrides of its instances (same UID, RECURRENCE-ID) related to it, and prints
// every instance up to the date in argv[2] as JSON: [{uid, start, status, summary}], start in UTC
// (a date for an all-day instance), status and summary those of the override where there is one.
import ICAL from "ical.js";

const until = ICAL.Time.fromDateTimeString(process.argv[2] + "T00:00:00Z");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
    const calendar = new ICAL.Component(ICAL.parse(input));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) {
        ICAL.TimezoneService.register(zone);
    }
    const components = calendar.getAllSubcomponents("vevent");
    const overrides = components.filter((component) => component.hasProperty("recurrence-id"));
    const dates = [];
    for (const component of components.filter((component) => !component.hasProperty("recurrence-id"))) {
        const event = new ICAL.Event(component);
        for (const override of overrides) {
            if (override.getFirstPropertyValue("uid") === event.uid) {
                event.relateException(override);
            }
        }
        const iterator = event.iterator();
        for (let next = iterator.next(); next && next.compare(until) < 0; next = iterator.next()) {
            const details = event.getOccurrenceDetails(next);
            const start = details.startDate;
            dates.push({
                uid: event.uid,
                start: start.isDate ? start.toString() : start.convertToZone(ICAL.Timezone.utcTimezone).toString(),
                status: details.item.component.getFirstPropertyValue("status"),
                summary: details.item.summary,
            });
            if (!event.isRecurring()) break;
        }
    }
    process.stdout.write(JSON.stringify(dates));
});
