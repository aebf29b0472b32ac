import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or, sql } from 'drizzle-orm';
import { latestCorrections } from '../comments/effective-labels';
import { comments, faqEntries, type CommentTopic, type Db, type FaqEntry, type FaqExample } from '../db';
import { clusterOf, leave, placeQuestions, type Cluster, type Question } from './faq-clusters';

/** How many of an entry's other questions are read to refill its examples when one leaves. */
const REFILL_SAMPLE = 50;

interface Candidate extends Question {
  productSku: string | null;
  topic: CommentTopic | null;
  lang: string;
  eligible: boolean;
  entry: { id: string; productSku: string; topic: CommentTopic; lang: string | null } | null;
}

export interface FaqUpdate {
  /** Questions that joined an entry, and that left one. */
  joined: number;
  left: number;
  /** Entries created, and entries changed (created ones included). */
  created: number;
  touched: number;
}

/**
 * Brings the FAQ entries in line with these comments' current labels (the model's, or a
 * person's correction): a substantive question that is not spam, about a product, belongs to an
 * entry of that product, topic and language; anything else belongs to none. Languages are kept
 * apart because an entry is answered and published in one language: a Polish shopper must not
 * get an English answer to "jaki rozmiar". Comments already where they
 * belong are left alone, so running it again changes nothing.
 *
 * One transaction per call, holding an advisory lock on each product and topic it touches
 * (taken in a fixed order) and planning from what it reads once it holds them: concurrent
 * batches (several workers, a correction arriving meanwhile) apply one after the other instead
 * of overwriting each other's counts and centroids. Reads and writes go in a handful of set-based statements
 * whatever the batch size: per-topic statements cost PGlite a file sync each.
 */
export async function updateFaqEntries(db: Db, commentIds: readonly string[]): Promise<FaqUpdate> {
  const result: FaqUpdate = { joined: 0, left: 0, created: 0, touched: 0 };
  if (commentIds.length === 0) return result;
  if (planMoves(await loadCandidates(db, commentIds)).keys.length === 0) return result;
  await db.transaction(async (tx) => {
    const moves = await lockAndPlan(tx, commentIds);
    const state = topicState(await lockEntries(tx, moves));
    const changed = new Set<Cluster>();
    const links = new Map<string, Cluster | null>();
    for (const [entryId, leavers] of moves.leaving) {
      for (const l of leavers) links.set(l.commentId, null);
      result.left += leavers.length;
      const cluster = state.byId.get(entryId);
      if (!cluster) continue;
      const others = await refillSample(tx, entryId, leavers);
      for (const leaver of leavers) leave(cluster, leaver, others);
      changed.add(cluster);
    }
    for (const [key, joiners] of moves.joining) {
      const clusters = state.clustersOf(key);
      for (const [question, cluster] of placeQuestions(clusters, joiners)) {
        state.own(cluster, key);
        changed.add(cluster);
        links.set(question.commentId, cluster);
      }
      result.joined += joiners.length;
    }
    result.created = await writeEntries(tx, changed, state);
    result.touched = changed.size;
    await linkComments(tx, links);
  });
  return result;
}

/** SKUs never hold "/", and topics and languages neither, so the triple is unambiguous. */
export const keyOf = (productSku: string, topic: string, lang: string | null): string => `${productSku}/${topic}/${lang ?? ''}`;

function splitKey(key: string): { productSku: string; topic: CommentTopic; lang: string | null } {
  const parts = key.split('/');
  const [topic, lang] = parts.slice(-2) as [CommentTopic, string];
  return { productSku: parts.slice(0, -2).join('/'), topic, lang: lang || null };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Moves {
  /** Entry id → the comments leaving it. */
  leaving: Map<string, Candidate[]>;
  /** "sku/topic/lang" → the comments to place among that product, topic and language's entries, in order. */
  joining: Map<string, Candidate[]>;
  /** Every product and topic touched, sorted: the order their locks are taken in. */
  keys: string[];
}

/** Which comments leave which entry, and which join which product and topic. */
function planMoves(candidates: Candidate[]): Moves {
  const leaving = new Map<string, Candidate[]>();
  const joining = new Map<string, Candidate[]>();
  const keys = new Set<string>();
  for (const c of candidates) {
    const want = c.eligible ? keyOf(c.productSku!, c.topic!, c.lang) : null;
    const have = c.entry ? keyOf(c.entry.productSku, c.entry.topic, c.entry.lang) : null;
    if (want === have) continue;
    if (c.entry) push(leaving, c.entry.id, c);
    if (want) push(joining, want, c);
    for (const key of [want, have]) if (key) keys.add(key);
  }
  return { leaving, joining, keys: [...keys].sort() };
}

/** The locked entries as clusters, one object per entry whichever way it is reached, and whom each belongs to. */
function topicState(rows: FaqEntry[]) {
  const byId = new Map<string, Cluster>();
  const byKey = new Map<string, Cluster[]>();
  const owners = new Map<Cluster, { productSku: string; topic: CommentTopic; lang: string | null; entry: FaqEntry | null }>();
  for (const row of rows) {
    const cluster = clusterOf(row);
    byId.set(row.id, cluster);
    push(byKey, keyOf(row.productSku, row.topic, row.lang), cluster);
    owners.set(cluster, { productSku: row.productSku, topic: row.topic, lang: row.lang, entry: row });
  }
  return {
    byId,
    owners,
    /** The product and topic's clusters, oldest first; new ones are appended to this very list. */
    clustersOf(key: string): Cluster[] {
      if (!byKey.has(key)) byKey.set(key, []);
      return byKey.get(key)!;
    },
    own(cluster: Cluster, key: string): void {
      if (!owners.has(cluster)) owners.set(cluster, { ...splitKey(key), entry: null });
    },
  };
}
type TopicState = ReturnType<typeof topicState>;

/**
 * Locks the products and topics the comments' moves touch, then plans again from what is
 * committed now: another call may have moved some of them while this one waited. Should that
 * plan touch a product and topic not yet locked, it is locked too and the plan made once more.
 */
async function lockAndPlan(tx: Db, commentIds: readonly string[]): Promise<Moves> {
  const locked = new Set<string>();
  for (;;) {
    const moves = planMoves(await loadCandidates(tx, commentIds));
    const missing = moves.keys.filter((k) => !locked.has(k));
    if (missing.length === 0) return moves;
    await lockTopics(tx, missing);
    for (const key of missing) locked.add(key);
  }
}

/** Serialises FAQ changes of these products, topics and languages across transactions, processes and machines. */
export async function lockTopics(tx: Db, keys: readonly string[]): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('faq:' || k, 0)) from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) as k order by k`,
  );
}

/** The entries questions leave, and every entry of the products and topics they join, locked for update. */
async function lockEntries(tx: Db, moves: Moves): Promise<FaqEntry[]> {
  const triples = [...moves.joining.keys()].map(splitKey);
  return tx
    .select()
    .from(faqEntries)
    .where(
      or(
        moves.leaving.size ? inArray(faqEntries.id, [...moves.leaving.keys()]) : undefined,
        ...triples.map(({ productSku, topic, lang }) =>
          and(eq(faqEntries.productSku, productSku), eq(faqEntries.topic, topic), lang === null ? isNull(faqEntries.lang) : eq(faqEntries.lang, lang)),
        ),
      ),
    )
    .orderBy(asc(faqEntries.createdAt), asc(faqEntries.id))
    .for('update');
}

async function refillSample(tx: Db, entryId: string, leavers: readonly Candidate[]): Promise<FaqExample[]> {
  return tx
    .select({ commentId: comments.id, text: comments.text })
    .from(comments)
    .where(
      and(
        eq(comments.faqEntryId, entryId),
        notInArray(
          comments.id,
          leavers.map((l) => l.commentId),
        ),
      ),
    )
    .orderBy(asc(comments.id))
    .limit(REFILL_SAMPLE);
}

/**
 * Stores every changed entry in one upsert (new ones get their id here), and deletes the ones
 * left empty while still unanswered drafts; one a person has worked on stays, with a count of
 * 0, for them to decide. Returns how many were created.
 */
async function writeEntries(tx: Db, changed: ReadonlySet<Cluster>, state: TopicState): Promise<number> {
  const rows: Array<Record<string, unknown>> = [];
  const emptied: string[] = [];
  let created = 0;
  for (const cluster of changed) {
    const { productSku, topic, lang, entry } = state.owners.get(cluster)!;
    if (entry && cluster.count === 0 && entry.status === 'draft' && entry.answer === null) {
      emptied.push(entry.id);
      continue;
    }
    if (!cluster.id) {
      cluster.id = randomUUID();
      created++;
    }
    rows.push({
      id: cluster.id,
      productSku,
      topic,
      lang,
      question: cluster.question,
      commentCount: cluster.count,
      centroid: cluster.centroid,
      examples: cluster.examples,
    });
  }
  if (rows.length) {
    await tx.execute(sql`
      insert into ${faqEntries} (id, product_sku, topic, lang, question, comment_count, centroid, examples)
      select "id", "productSku", "topic", "lang", "question", "commentCount", "centroid", "examples"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
        "id" uuid, "productSku" text, "topic" comment_topic, "lang" text, "question" text, "commentCount" integer, "centroid" jsonb, "examples" jsonb)
      on conflict (id) do update set
        question = excluded.question, comment_count = excluded.comment_count, centroid = excluded.centroid,
        examples = excluded.examples, updated_at = now()`);
  }
  if (emptied.length) await tx.delete(faqEntries).where(inArray(faqEntries.id, emptied));
  return created;
}

/** Points each moved comment at its entry (or none) in one statement. */
async function linkComments(tx: Db, links: ReadonlyMap<string, Cluster | null>): Promise<void> {
  // Read after writeEntries: new clusters have their ids by now.
  const rows = [...links].map(([id, cluster]) => ({ id, entry: cluster?.id ?? null }));
  if (rows.length === 0) return;
  await tx.execute(sql`
    update ${comments} as c set faq_entry_id = v."entry"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v("id" uuid, "entry" uuid)
    where c.id = v."id"`);
}

/** The comments with their effective labels and current entry, oldest first (the order they join in). */
async function loadCandidates(db: Db, ids: readonly string[]): Promise<Candidate[]> {
  const fixes = latestCorrections(db);
  const rows = await db
    .select({
      id: comments.id,
      text: comments.text,
      productSku: comments.productSku,
      lang: comments.lang,
      classified: isNotNull(comments.classifiedAt).mapWith(Boolean),
      substantive: comments.substantive,
      topic: sql<CommentTopic | null>`coalesce(${fixes.topic}, ${comments.topic})`,
      isQuestion: sql<boolean | null>`coalesce(${fixes.isQuestion}, ${comments.isQuestion})`,
      spam: sql<boolean | null>`coalesce(${fixes.spam}, ${comments.spam})`,
      entryId: faqEntries.id,
      entrySku: faqEntries.productSku,
      entryTopic: faqEntries.topic,
      entryLang: faqEntries.lang,
    })
    .from(comments)
    .leftJoin(fixes, eq(fixes.commentId, comments.id))
    .leftJoin(faqEntries, eq(faqEntries.id, comments.faqEntryId))
    .where(inArray(comments.id, [...ids]))
    .orderBy(sql`coalesce(${comments.postedAt}, ${comments.importedAt})`, asc(comments.id));
  return rows.map((r) => ({
    commentId: r.id,
    text: r.text,
    productSku: r.productSku,
    topic: r.topic,
    // A comment the detector could not place (emoji, a word in a third language) is "other", never null: it still gets an entry.
    lang: r.lang ?? 'other',
    eligible: r.classified && r.productSku !== null && r.topic !== null && r.isQuestion === true && r.spam !== true && r.substantive === true,
    entry: r.entryId ? { id: r.entryId, productSku: r.entrySku!, topic: r.entryTopic!, lang: r.entryLang } : null,
  }));
}
