import { requireEditor } from '../auth/authenticate';
import { badInput } from '../errors';
import { importParsed } from '../filing/import';
import { type ParseFailure, parseOffThread } from '../filing/off-thread';
import type { Resolvers } from '../generated/graphql';
import { EditService } from './service';
import { validateSource } from './validate';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const editResolvers: Resolvers = {
  Mutation: {
    createEntity: (_p, args, ctx) =>
      new EditService(ctx.db, ctx.meter).createEntity(requireEditor(ctx.principal), args.type, args.input, args.source),
    updateEntity: (_p, args, ctx) =>
      new EditService(ctx.db, ctx.meter).updateEntity(requireEditor(ctx.principal), args.id, args.patch, args.source),
    deleteEntity: (_p, args, ctx) => {
      requireEditor(ctx.principal);
      return new EditService(ctx.db, ctx.meter).deleteEntity(args.id);
    },
    createRelationship: (_p, args, ctx) =>
      new EditService(ctx.db, ctx.meter).createRelationship(
        requireEditor(ctx.principal),
        args.type,
        args.from,
        args.to,
        args.properties,
        args.source,
      ),
    deleteRelationship: (_p, args, ctx) => {
      requireEditor(ctx.principal);
      return new EditService(ctx.db, ctx.meter).deleteRelationship(args.type, args.from, args.to);
    },
    importFilingList: async (_p, args, ctx) => {
      requireEditor(ctx.principal);
      const source = validateSource(args.source);
      if (args.content.length > MAX_IMPORT_BYTES)
        throw badInput('content', `must be at most ${MAX_IMPORT_BYTES} bytes`);
      const xlsx = args.format === 'XLSX_BASE64';
      if (xlsx && !/^[A-Za-z0-9+/=\s]+$/.test(args.content))
        throw badInput('content', 'must be base64 for XLSX_BASE64');
      // Parsed in a worker thread with a heap bound and a deadline: queries keep being answered meanwhile.
      const parsed = await parseOffThread(
        xlsx ? 'XLSX' : 'CSV',
        xlsx ? Buffer.from(args.content, 'base64') : args.content,
      ).catch((error: ParseFailure) => {
        if (error.tooLarge) throw badInput('content', `is too large or too costly to read (${error.message})`);
        throw badInput('content', xlsx ? 'is not a readable .xlsx workbook' : `is not readable CSV (${error.message})`);
      });
      const report = await importParsed(ctx.db, parsed, `api:${source}`, { source, dryRun: args.dryRun ?? false });
      return {
        sourceKey: report.sourceKey,
        rows: report.rows,
        valid: report.valid,
        skipped: report.skipped,
        dryRun: report.dryRun,
        errors: report.errors,
        warnings: report.warnings,
        errorCount: report.errorCount,
        warningCount: report.warningCount,
        writtenNodes: report.written?.nodes ?? null,
        writtenRelationships: report.written?.rels ?? null,
      };
    },
  },
};
