/** A filter's choices: `[value, words]` pairs, the words already in the person's language. */
export type Choices = ReadonlyArray<readonly [string, string]>;

interface ChoiceSelectProps {
  /** Set by the Field around it: the label's target and the hint or message it is described by. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  value: string;
  onChange: (value: string) => void;
  choices: Choices;
  /** The first choice, meaning "no filter" (value ""); absent when one of the choices must be taken (a sort order). */
  any?: string;
}

/** The select every filter bar uses: an optional "any" first, then the choices in the order given. */
export function ChoiceSelect({ value, onChange, choices, any, ...control }: ChoiceSelectProps) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {any !== undefined && <option value="">{any}</option>}
      {choices.map(([choice, words]) => (
        <option key={choice} value={choice}>
          {words}
        </option>
      ))}
    </select>
  );
}
