function prismaCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** A unique-constraint violation: Prisma's P2002, or PostgreSQL's 23505 from a plain SQL query. */
export const isUniqueViolation = (error: unknown) => ['P2002', '23505'].includes(prismaCode(error) as string);
