import { Button, Group, Stack, TextInput } from '@mantine/core';
import { ErrorAlert } from '../../app/forms';

/** One line of text added to a list (a goal, "what works"): a labelled field and its button. */
export function AddLineForm(props: {
  label: string;
  buttonLabel: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  onAdd: (text: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const text = props.value.trim();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text) props.onAdd(text);
      }}
    >
      <Stack gap="xs">
        <ErrorAlert error={props.error} />
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={props.label}
            value={props.value}
            onChange={(e) => props.onChange(e.currentTarget.value)}
            maxLength={props.maxLength}
            miw={280}
            required
          />
          <Button type="submit" loading={props.pending} disabled={!text}>
            {props.buttonLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
