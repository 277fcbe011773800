import type { Principal } from '../auth/authenticate';
import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { EntityRow } from '../entity/rows';
import { AppError, badInput, ErrorCode } from '../errors';
import { fromEntityId } from '../graph/ids';
import { nameKeysOf, namesOf } from '../graph/names';
import { ENTITY_LABELS, type EntityLabel, REL_TYPES, type RelType } from '../graph/vocabulary';
import { aliasTable } from '../load/aliases';
import type { StatedRelationshipRow } from '../source/rows';
import { cleanText, validateAliases, validateProperties, validateSource } from './validate';

const now = () => new Date().toISOString();
const notFound = (argument: string) =>
  new AppError(ErrorCode.NOT_FOUND, `Argument "${argument}" names an entity that does not exist`, { argument });

/** Every write: validated first, then one transaction that records who, when and which source. */
export class EditService {
  constructor(
    private readonly db: Database,
    private readonly meter: QueryMeter,
  ) {}

  async createEntity(
    principal: Principal,
    label: string,
    input: { name: string; nameEn?: string | null; aliases?: readonly string[] | null; properties?: unknown },
    source: string,
  ): Promise<EntityRow> {
    if (!(ENTITY_LABELS as readonly string[]).includes(label))
      throw badInput('type', `must be one of ${ENTITY_LABELS.join(', ')}`);
    const type = label as EntityLabel;
    const name = cleanText('input.name', input.name);
    const canonical = aliasTable().find(type, name);
    if (canonical && canonical !== name)
      throw badInput(
        'input.name',
        `is an alias of the ${type} "${canonical}" in the alias table: update that entity instead`,
        { value: name },
      );
    const table = aliasTable().entry(type, name);
    const nameEn = input.nameEn ? cleanText('input.nameEn', input.nameEn) : (table?.nameEn ?? null);
    const props: Record<string, unknown> = { ...validateProperties(type, input.properties, true), name, nameEn };
    const aliases = [...new Set([...validateAliases(input.aliases), ...(table?.aliases ?? [])])];
    const params = {
      key: name,
      props,
      aliases,
      nameKeys: nameKeysOf(type, namesOf(props, aliases, name)),
      source: validateSource(source),
      by: principal.name,
      now: now(),
    };
    return this.db.writeTransaction(
      async (tx) => {
        await tx.run(cypher('edit/ensure-source'), params);
        const [row] = await tx.run(cypher('edit/create-entity', { label: type }), params);
        if (!row) throw badInput('input.name', `names a ${type} that already exists`, { value: name });
        return row.row as EntityRow;
      },
      { meter: this.meter },
    );
  }

  async updateEntity(
    principal: Principal,
    id: string,
    patch: { nameEn?: string | null; aliases?: readonly string[] | null; properties?: unknown },
    source: string,
  ): Promise<EntityRow> {
    const ref = fromEntityId(id, 'id');
    const props: Record<string, unknown> = validateProperties(ref.label, patch.properties, false);
    if (patch.nameEn !== undefined)
      props.nameEn = patch.nameEn === null ? null : cleanText('patch.nameEn', patch.nameEn);
    const aliases = validateAliases(patch.aliases);
    const params = {
      key: ref.key,
      props,
      aliases,
      // Keys of the names this update adds (they join the entity's keys; none is taken away).
      nameKeys: nameKeysOf(ref.label, namesOf({ nameEn: props.nameEn }, aliases)),
      source: validateSource(source),
      by: principal.name,
      now: now(),
    };
    return this.db.writeTransaction(
      async (tx) => {
        await tx.run(cypher('edit/ensure-source'), params);
        const [row] = await tx.run(cypher('edit/update-entity', { label: ref.label }), params);
        if (!row) throw notFound('id');
        return row.row as EntityRow;
      },
      { meter: this.meter },
    );
  }

  async deleteEntity(id: string): Promise<boolean> {
    const ref = fromEntityId(id, 'id');
    const [row] = await this.db.write(
      cypher('edit/delete-entity', { label: ref.label }),
      { key: ref.key },
      { meter: this.meter },
    );
    return row?.deleted === true;
  }

  private relationRefs(type: string, fromId: string, toId: string) {
    const info = Object.hasOwn(REL_TYPES, type) ? REL_TYPES[type as RelType] : undefined;
    if (!info || type === 'ABOUT') throw badInput('type', 'must be a relationship type between entities');
    const from = fromEntityId(fromId, 'from');
    const to = fromEntityId(toId, 'to');
    if (!(info.from as readonly string[]).includes(from.label))
      throw badInput('from', `must be a ${info.from.join(' or ')} for ${type}, not a ${from.label}`);
    if (!(info.to as readonly string[]).includes(to.label))
      throw badInput('to', `must be a ${info.to.join(' or ')} for ${type}, not a ${to.label}`);
    return { slots: { type, from: from.label, to: to.label }, from, to };
  }

  async createRelationship(
    principal: Principal,
    type: string,
    fromId: string,
    toId: string,
    properties: unknown,
    source: string,
  ): Promise<StatedRelationshipRow> {
    const { slots, from, to } = this.relationRefs(type, fromId, toId);
    if (
      properties !== null &&
      properties !== undefined &&
      (typeof properties !== 'object' || Array.isArray(properties))
    )
      throw badInput('properties', 'must be an object');
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
      if (!/^[a-z][A-Za-z0-9]{0,39}$/.test(k) || k === 'sourceKeys' || k.startsWith('changed'))
        throw badInput(`properties.${k}`, 'must be a camelCase name other than sourceKeys or changed*');
      if (v !== null && !['string', 'number', 'boolean'].includes(typeof v))
        throw badInput(`properties.${k}`, 'must be a string, number, boolean or null');
      props[k] = typeof v === 'string' ? cleanText(`properties.${k}`, v, 500) : v;
    }
    const params = {
      from: from.key,
      to: to.key,
      props,
      source: validateSource(source),
      by: principal.name,
      now: now(),
    };
    return this.db.writeTransaction(
      async (tx) => {
        await tx.run(cypher('edit/ensure-source'), params);
        const [row] = await tx.run(cypher('edit/create-rel', slots), params);
        if (!row)
          throw new AppError(ErrorCode.NOT_FOUND, 'Argument "from" or "to" names an entity that does not exist', {
            argument: 'from/to',
          });
        return row as unknown as StatedRelationshipRow;
      },
      { meter: this.meter },
    );
  }

  async deleteRelationship(type: string, fromId: string, toId: string): Promise<boolean> {
    const { slots, from, to } = this.relationRefs(type, fromId, toId);
    const [row] = await this.db.write(
      cypher('edit/delete-rel', slots),
      { from: from.key, to: to.key },
      { meter: this.meter },
    );
    return row?.deleted === true;
  }
}
