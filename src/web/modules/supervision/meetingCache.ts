import { useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '../../../shared/scheduling';
import { keys } from './queries';

/** After a change to a meeting: show the server's answer at once, then refetch what shows the meeting. */
export function useRefreshMeeting(meeting: Pick<Meeting, 'id' | 'processId'>) {
  const queryClient = useQueryClient();
  return (updated?: Meeting) => {
    if (updated) queryClient.setQueryData(keys.meeting(meeting.id), updated);
    void queryClient.invalidateQueries({ queryKey: keys.meeting(meeting.id) });
    void queryClient.invalidateQueries({ queryKey: keys.process(meeting.processId) });
    void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
  };
}
