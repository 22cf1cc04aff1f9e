import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cycles } from './schema';

/**
 * Partner bundles (issue 7, docs/bundle-format.md): this installation's signing key, the keys it
 * trusts, which organisation it speaks for in each cycle, what each peer is known to hold, and the
 * import history that "undo last import" works from. None of these rows travel in a bundle.
 */

/** This installation's Ed25519 key pair, made on first use. One row. */
export const bundleKeys = sqliteTable('bundle_keys', {
  installationId: text('installation_id').primaryKey(),
  /** The raw 32-byte public key, base64. */
  publicKey: text('public_key').notNull(),
  /** PKCS#8 DER, base64. It never leaves this database (backups are copies of this database). */
  privateKey: text('private_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * A sender's public key the user chose to trust for one cycle, and what it may speak for: the
 * Secretariat (every row) or one partner organisation (its own rows only). No foreign key to the
 * cycle: a partner trusts the Secretariat's key before the cycle has arrived.
 */
export const bundleTrustedKeys = sqliteTable(
  'bundle_trusted_keys',
  {
    cycleId: text('cycle_id').notNull(),
    publicKey: text('public_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    role: text('role', { enum: ['secretariat', 'partner'] }).notNull(),
    /** The partner organisation; null for the Secretariat. */
    orgId: text('org_id'),
    label: text('label').notNull(),
    trustedAt: text('trusted_at').notNull(),
    trustedBy: text('trusted_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.publicKey] })],
);

/** Which organisation this copy speaks for in a cycle. No row: the Secretariat (it made the cycle). */
export const bundleIdentities = sqliteTable('bundle_identities', {
  cycleId: text('cycle_id')
    .primaryKey()
    .references(() => cycles.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ['secretariat', 'partner'] }).notNull(),
  orgId: text('org_id'),
});

/** The newest bundle applied from each sending installation. */
export const bundlePeers = sqliteTable(
  'bundle_peers',
  {
    cycleId: text('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    peerId: text('peer_id').notNull(),
    /** The sender's clock when it made that bundle. */
    lastClock: text('last_clock').notNull(),
    lastBundleId: text('last_bundle_id').notNull(),
    lastImportedAt: text('last_imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.peerId] })],
);

/**
 * The last revision of each row a peer has shown us in a bundle: a later bundle from that peer
 * holding the same or an older revision is stale, and our revision equal to it is known to them.
 */
export const bundlePeerRows = sqliteTable(
  'bundle_peer_rows',
  {
    peerId: text('peer_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    cycleId: text('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    hlc: text('hlc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.peerId, t.tableName, t.rowId] }), index('bundle_peer_rows_cycle').on(t.cycleId)],
);

/**
 * The revision of each row this copy last took from a bundle (its "base"). Exported with the row,
 * it tells the receiver which of its revisions the sender's edit was made on. The peer that sent
 * the base has shown us that revision, so the base also stands for that peer's `bundle_peer_rows`
 * entry: a county plan's first import writes one bookkeeping row per row, not two.
 */
export const bundleRowBases = sqliteTable(
  'bundle_row_bases',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    cycleId: text('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    baseHlc: text('base_hlc').notNull(),
    /** The installation whose bundle brought the base; null for bases recorded before this column. */
    basePeerId: text('base_peer_id'),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('bundle_row_bases_cycle').on(t.cycleId)],
);

/**
 * Every bundle applied here, with what it changed and the verified backup taken just before, so
 * the last import can be undone. No foreign key to the cycle: the record outlives an undo that
 * removes a cycle the import had created.
 */
export const bundleImports = sqliteTable(
  'bundle_imports',
  {
    id: text('id').primaryKey(),
    cycleId: text('cycle_id').notNull(),
    bundleId: text('bundle_id').notNull(),
    kind: text('kind', { enum: ['full', 'partner'] }).notNull(),
    senderRole: text('sender_role', { enum: ['secretariat', 'partner'] }).notNull(),
    senderOrgId: text('sender_org_id'),
    senderName: text('sender_name').notNull(),
    senderInstallationId: text('sender_installation_id').notNull(),
    senderFingerprint: text('sender_fingerprint').notNull(),
    bundleCreatedAt: text('bundle_created_at').notNull(),
    importedAt: text('imported_at').notNull(),
    userName: text('user_name').notNull(),
    /** The backup file name in the database's backups folder; null for an in-memory database. */
    backupFile: text('backup_file'),
    /** Counts, conflict decisions and refused rows (JSON). */
    summaryJson: text('summary_json').notNull(),
    /** The audit entries this import wrote: ids after `auditFrom` up to `auditTo`. */
    auditFrom: integer('audit_from').notNull(),
    auditTo: integer('audit_to').notNull(),
    undoneAt: text('undone_at'),
  },
  (t) => [index('bundle_imports_cycle').on(t.cycleId, t.importedAt)],
);

/**
 * The content of each row revision that crossed an exchange: every revision this copy exported,
 * and every revision a bundle showed it. A bundle row names its base revision and the sender's
 * earlier bundles name what it held, so when both sides changed a row since they last exchanged
 * it, the content they last had in common is found here by its stamp, and only the fields both
 * sides changed are a conflict (main/bundles/field-merge.ts). A stamp names one content, so a
 * revision is written once and never changed. Since migration 0015 new revisions are kept as
 * snapshots (below); the rows kept here before are still read.
 */
export const bundleRowRevisions = sqliteTable(
  'bundle_row_revisions',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    hlc: text('hlc').notNull(),
    cycleId: text('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    /** The row's own fields (link lists included), as JSON. */
    content: text('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId, t.hlc] }), index('bundle_row_revisions_cycle').on(t.cycleId)],
);

/**
 * Row revisions that crossed an exchange, kept as one packed snapshot per table per exchange: the
 * rows of one register a bundle sent (its entry, packed as in the bundle) or the rows an import
 * kept from one. A county plan's 35,000 revisions are one write of about 3 MB instead of 35,000
 * rows and 35 MB; merging reads them only for rows both sides changed (main/bundles/row-revisions.ts).
 */
export const bundleRevisionSnapshots = sqliteTable(
  'bundle_revision_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cycleId: text('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    tableName: text('table_name').notNull(),
    /** Sent: this copy's own content, the truth for its stamps. Received: what a bundle showed, first kept first. */
    source: text('source', { enum: ['sent', 'received'] }).notNull(),
    /** SHA-256 of `content`: the same rows sent again pack to the same bytes and are not stored twice. */
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull(),
    /** The rows as a JSON array (each as a bundle carries it), raw-deflated. */
    content: blob('content', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('bundle_revision_snapshots_table').on(t.cycleId, t.tableName, t.source, t.sha256)],
);
