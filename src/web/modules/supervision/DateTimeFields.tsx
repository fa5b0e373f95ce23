import { TextInput } from '@mantine/core';

/** A date and a wall-clock time input side by side (the caller names the zone they are in). */
export function DateTimeFields({
  dateLabel,
  timeLabel,
  date,
  time,
  onDate,
  onTime,
  step,
}: {
  dateLabel: string;
  timeLabel: string;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  /** Seconds between the times offered (e.g. 300 for five minutes). */
  step?: number;
}) {
  return (
    <>
      <TextInput label={dateLabel} type="date" required value={date} onChange={(e) => onDate(e.currentTarget.value)} w={180} />
      <TextInput label={timeLabel} type="time" step={step} required value={time} onChange={(e) => onTime(e.currentTarget.value)} w={140} />
    </>
  );
}
