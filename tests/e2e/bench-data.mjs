// The benchmark data: N meetings of a plausible year, each with 10 agenda items, 10 action items,
// 6 participants and a finished run, in the stored form (schema 3 envelopes). Deterministic:
// the same seed gives the same bytes, so anyone can repeat a run.
//
//   node tests/e2e/bench-data.mjs 1000 > meetings.json   # a backup file to restore by hand

const DEPARTMENTS = ["研发部", "市场部", "销售部", "客服部", "财务部", "运营部", "Legal", "HR"];
const OWNERS = ["王芳", "李雷", "张伟", "刘洋", "陈静", "Li Lei", "Anna", "赵强", "周敏", "Tom"];
const STATUSES = ["Open", "InProgress", "Blocked", "Done", "Cancelled"];
const PHASES = ["Share", "Share", "Discuss", "Discuss", "Discuss", "Decide", "Decide", "Share", "Discuss", "Decide"];

/** A small seeded generator (mulberry32). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base, offset) => new Date(base + offset * 86400000).toISOString().slice(0, 10);

/** `count` meetings as the text IndexedDB stores for each: `{ id, text }`. */
export function generateMeetings(count, { seed = 42, agendaItems = 10, actionItems = 10 } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const start = Date.UTC(2025, 11, 1, 6, 0, 0);
  const meetings = [];
  for (let m = 0; m < count; m++) {
    const id = `bench-${String(m).padStart(5, "0")}`;
    const startsAt = start + m * 8 * 3600000;
    const agenda = Array.from({ length: agendaItems }, (_, i) => ({
      id: `${id}-g${i}`,
      title: `议题 ${i + 1}:${pick(DEPARTMENTS)}进展与风险`,
      owner: pick(OWNERS),
      minutes: 6,
      expected_output: "明确结论与负责人",
      phase: PHASES[i % PHASES.length],
    }));
    const actions = Array.from({ length: actionItems }, (_, i) => {
      const status = pick(STATUSES);
      const deadline = day(startsAt, 3 + Math.floor(next() * 30));
      return {
        id: `${id}-a${i}`,
        task: `完成${pick(DEPARTMENTS)}的第 ${i + 1} 项交付, "含附件", 并同步`,
        owner: pick(OWNERS),
        department: pick(DEPARTMENTS),
        acceptance: "评审通过",
        deadline,
        status,
        progress: [{ on: day(startsAt, 2), text: "已启动" }],
        completed_on: status === "Done" ? day(startsAt, Math.floor(next() * 40)) : null,
        agenda_item_id: agenda[i % agendaItems].id,
      };
    });
    const meeting = {
      id,
      revision: 1,
      created_at: new Date(startsAt - 7 * 86400000).toISOString(),
      updated_at: new Date(startsAt + 2 * 3600000).toISOString(),
      title: `${pick(["产品周会", "客诉复盘", "Q1 排期会", "预算评审"])} #${m + 1}`,
      situation: "ProjectCollaboration",
      kind: "Decision",
      objective: "确定下季度上线排期并明确各部门交付物",
      schedule: { starts_at: new Date(startsAt).toISOString(), duration_minutes: 60, notice_sent_at: null },
      participants: Array.from({ length: 6 }, (_, i) => ({
        id: `${id}-p${i}`,
        name: OWNERS[i],
        department: DEPARTMENTS[i],
        role: i === 0 ? "DecisionMaker" : "Executor",
        is_host: i === 0,
        is_recorder: i === 1,
      })),
      agenda,
      run_log: [
        { at: new Date(startsAt).toISOString(), kind: "Started" },
        { at: new Date(startsAt).toISOString(), kind: { ItemStarted: { item_id: agenda[0].id } } },
        { at: new Date(startsAt + (55 + Math.floor(next() * 20)) * 60000).toISOString(), kind: "Ended" },
      ],
      decisions: [{ id: `${id}-d0`, text: "按方案A推进", agenda_item_id: agenda[5].id, made_at: null }],
      actions,
      series: { id: "bench-series", name: "产品周会" },
    };
    meetings.push({ id, text: JSON.stringify({ schema: 3, meeting }) });
  }
  return meetings;
}

/** Puts the meetings straight into the app's IndexedDB in `page` (the app must have opened it). */
export async function seedIndexedDb(page, meetings) {
  await page.evaluate(
    (records) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("crossmeet");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction("meetings", "readwrite");
          const store = transaction.objectStore("meetings");
          for (const { id, text } of records) store.put(text, id);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    meetings,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const meetings = generateMeetings(Number(process.argv[2] ?? 1000));
  const envelopes = meetings.map(({ text }) => JSON.parse(text));
  process.stdout.write(JSON.stringify({ app: "crossmeet", kind: "backup", schema: 3, meetings: envelopes }));
}
