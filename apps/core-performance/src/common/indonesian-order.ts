/** Sorts codes and names as an Indonesian reader expects (numbers by value, case and accents ignored). */
export const indonesianOrder = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
