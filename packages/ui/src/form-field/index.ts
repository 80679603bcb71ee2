export { Checkbox, type CheckboxProps } from './Checkbox.tsx';
export type { FieldProps } from './FieldParts.tsx';
export { NumberField, type NumberFieldProps } from './NumberField.tsx';
export { SearchField, type SearchFieldProps } from './SearchField.tsx';
export { SelectField, type SelectFieldProps, type SelectOption } from './SelectField.tsx';
export { TextField, type TextFieldProps } from './TextField.tsx';
