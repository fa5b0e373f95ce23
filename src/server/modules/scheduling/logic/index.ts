export type { Absence, Busy, FreeSlotsInput, Interval, Slot, Weekday, WeeklyHours, WeeklyHoursEntry } from './availability.js';
export { freeSlots } from './availability.js';
export type { CadenceKind, MeetingReason, PlanCadenceInput, ProposedMeeting, ShiftReason } from './cadence.js';
export { planCadence } from './cadence.js';
export type { Country, HolidayOptions, PublicHoliday } from './holidays.js';
export { isPublicHoliday, isWorkingDay, publicHolidays } from './holidays.js';
export type { CalendarFeedInput, FeedEvent, IcsPerson, IcsStatus, MeetingIcsInput } from './ics.js';
export { calendarFeed, meetingIcs, seriesIcs } from './ics.js';
