import { z } from 'zod';

/**
 * A list in a response, read row by row: a row that does not fit `row` is dropped rather than
 * failing the whole answer, so one odd record never blanks an administrator's page. A body
 * without the list at all is still invalid.
 */
export function listed<Row extends z.ZodType>(row: Row) {
  return z.array(z.unknown()).transform((rows) =>
    rows.flatMap((raw): z.output<Row>[] => {
      const parsed = row.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}
