// The shape of a database schema (tables, columns, enums, keys, indexes, foreign keys) computed two
// ways: from schema.prisma (Prisma's own DMMF) and from a live PostgreSQL catalogue. The drift test
// compares them.
import { readFileSync } from 'node:fs';
import { getDMMF } from '@prisma/internals';
import type pg from 'pg';

export interface ColumnShape {
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface SchemaShape {
  enums: Record<string, string[]>;
  tables: Record<string, Record<string, ColumnShape>>;
  /** name → "kind table(columns)" */
  indexes: Record<string, string>;
  /** name → "table(columns) → table(columns) on delete X on update Y" */
  foreignKeys: Record<string, string>;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3)',
  Json: 'jsonb',
  Bytes: 'bytea',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  VarChar: (args) => `varchar(${args[0]})`,
  Text: () => 'text',
  Timestamptz: (args) => `timestamptz(${args[0] ?? 6})`,
  Timestamp: (args) => `timestamp(${args[0] ?? 6})`,
  SmallInt: () => 'smallint',
};

const ACTIONS: Record<string, string> = {
  Cascade: 'cascade',
  Restrict: 'restrict',
  NoAction: 'no action',
  SetNull: 'set null',
  SetDefault: 'set default',
};

/** Defaults Prisma Client fills in itself: the column has no DEFAULT in the database. */
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

export async function shapeFromPrismaSchema(schemaPath: string): Promise<SchemaShape> {
  const dmmf = await getDMMF({ datamodel: readFileSync(schemaPath, 'utf8') });
  const shape: SchemaShape = { enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  for (const item of dmmf.datamodel.enums) shape.enums[item.dbName ?? item.name] = item.values.map((v) => v.dbName ?? v.name);

  const tableOf = new Map(dmmf.datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (modelName: string, fieldName: string) => {
    const model = dmmf.datamodel.models.find((m) => m.name === modelName)!;
    const field = model.fields.find((f) => f.name === fieldName)!;
    return field.dbName ?? field.name;
  };

  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name)!;
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const from = field.relationFromFields.map((name) => columnOf(model.name, name));
          const target = tableOf.get(field.type)!;
          const to = (field.relationToFields ?? []).map((name) => columnOf(field.type, name));
          const optional = field.relationFromFields.some(
            (name) => !model.fields.find((f) => f.name === name)!.isRequired,
          );
          const onDelete = ACTIONS[field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict')];
          const onUpdate = ACTIONS[(field as { relationOnUpdate?: string }).relationOnUpdate ?? 'Cascade'];
          shape.foreignKeys[`${table}_${from.join('_')}_fkey`] =
            `${table}(${from.join(',')}) → ${target}(${to.join(',')}) on delete ${onDelete} on update ${onUpdate}`;
        }
        continue;
      }
      const native = field.nativeType as [string, string[]] | null | undefined;
      const type =
        field.kind === 'enum'
          ? `enum ${field.type}`
          : native
            ? NATIVE_TYPES[native[0]]?.(native[1]) ?? native[0].toLowerCase()
            : SCALAR_TYPES[field.type] ?? `unknown ${field.type}`;
      const defaultName = (field.default as { name?: string } | undefined)?.name;
      columns[field.dbName ?? field.name] = {
        type: field.isList ? `${type}[]` : type,
        nullable: !field.isRequired,
        hasDefault: field.hasDefaultValue && !(defaultName && CLIENT_SIDE_DEFAULTS.has(defaultName)),
      };
    }
    shape.tables[table] = columns;
  }

  for (const index of dmmf.datamodel.indexes) {
    const table = tableOf.get(index.model)!;
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const kind = index.type === 'id' ? 'primary' : index.type === 'unique' ? 'unique' : 'index';
    const suffix = kind === 'primary' ? 'pkey' : kind === 'unique' ? 'key' : 'idx';
    const name = index.dbName ?? (kind === 'primary' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`);
    shape.indexes[name] = `${kind} ${table}(${columns.join(',')})`;
  }
  return shape;
}

const CONFDEL: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

export async function shapeFromDatabase(client: pg.Client): Promise<SchemaShape> {
  const shape: SchemaShape = { enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  const skip = `'_prisma_migrations'`;

  const enums = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
  for (const row of enums.rows) (shape.enums[row.name] ??= []).push(row.value);

  const columns = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
    datetime_precision: number | null;
    character_maximum_length: number | null;
    numeric_precision: number | null;
    numeric_scale: number | null;
  }>(`
    SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default,
           c.datetime_precision, c.character_maximum_length, c.numeric_precision, c.numeric_scale
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> ${skip}
    ORDER BY c.table_name, c.ordinal_position`);
  for (const row of columns.rows) {
    (shape.tables[row.table_name] ??= {})[row.column_name] = {
      type: columnType(row),
      nullable: row.is_nullable === 'YES',
      hasDefault: row.column_default !== null,
    };
  }

  const indexes = await client.query<{ name: string; table: string; primary: boolean; unique: boolean; columns: string[] }>(`
    SELECT i.relname AS name, t.relname AS table, x.indisprimary AS primary, x.indisunique AS unique,
           array_agg(a.attname::text ORDER BY k.ordinality) AS columns
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ordinality)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND t.relname <> ${skip}
    GROUP BY i.relname, t.relname, x.indisprimary, x.indisunique`);
  for (const row of indexes.rows) {
    const kind = row.primary ? 'primary' : row.unique ? 'unique' : 'index';
    shape.indexes[row.name] = `${kind} ${row.table}(${row.columns.join(',')})`;
  }

  const fks = await client.query<{ name: string; table: string; columns: string[]; target: string; target_columns: string[]; del: string; upd: string }>(`
    SELECT c.conname AS name, t.relname AS table, rt.relname AS target,
           c.confdeltype AS del, c.confupdtype AS upd,
           (SELECT array_agg(a.attname::text ORDER BY k.o) FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY k.o) FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS target_columns
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class rt ON rt.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);
  for (const row of fks.rows) {
    shape.foreignKeys[row.name] =
      `${row.table}(${row.columns.join(',')}) → ${row.target}(${row.target_columns.join(',')}) on delete ${CONFDEL[row.del]} on update ${CONFDEL[row.upd]}`;
  }
  return shape;
}

function columnType(row: {
  data_type: string;
  udt_name: string;
  datetime_precision: number | null;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}): string {
  switch (row.data_type) {
    case 'USER-DEFINED':
      return `enum ${row.udt_name}`;
    case 'ARRAY':
      return `${row.udt_name.replace(/^_/, '')}[]`;
    case 'timestamp without time zone':
      return `timestamp(${row.datetime_precision})`;
    case 'timestamp with time zone':
      return `timestamptz(${row.datetime_precision})`;
    case 'character varying':
      return `varchar(${row.character_maximum_length})`;
    case 'numeric':
      return `numeric(${row.numeric_precision},${row.numeric_scale})`;
    default:
      return row.data_type;
  }
}
