import type { ReactNode } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

/**
 * A labelled group of radios (RAC `RadioGroup`): arrow keys move the choice, the label, help
 * and error are announced with it. `variant` draws it as a segmented control, big tiles (the
 * streams at the scale) or plain round radios.
 */
export function ChoiceGroup<K extends string>({
  label,
  description,
  errorMessage,
  value,
  onChange,
  options,
  variant,
  isRequired,
}: {
  label: string;
  description?: ReactNode;
  errorMessage?: string | undefined;
  value: K | null;
  onChange: (value: K) => void;
  options: { id: K; label: ReactNode }[];
  variant: 'segments' | 'tiles' | 'radios';
  isRequired?: boolean;
}) {
  const itemClass =
    variant === 'segments'
      ? 'hub-circular__segment'
      : variant === 'tiles'
        ? 'hub-circular__stream'
        : 'hub-circular__radio';
  const listClass =
    variant === 'segments'
      ? 'hub-circular__segments'
      : variant === 'tiles'
        ? 'hub-circular__streams'
        : 'hub-circular__radios';
  return (
    <RadioGroup
      className="lk-field hub-circular__choice"
      value={value}
      onChange={(next) => onChange(next as K)}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      orientation="horizontal"
    >
      <Label className="lk-field__label">
        {label}
        {isRequired ? (
          <span className="lk-field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      <div className={listClass}>
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className={itemClass}>
            {option.label}
          </Radio>
        ))}
      </div>
      {description ? (
        <Text slot="description" className="lk-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="lk-field__error">{errorMessage}</FieldError>
    </RadioGroup>
  );
}
