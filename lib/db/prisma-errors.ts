function prismaCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** A unique-constraint violation (P2002). */
export const isUniqueViolation = (error: unknown) => prismaCode(error) === 'P2002';

/** The record an update or a required relation needed does not exist (P2025). */
export const isRecordMissing = (error: unknown) => prismaCode(error) === 'P2025';
