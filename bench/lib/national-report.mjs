// The report section for the national data set (measureNational's object), in Norwegian like the rest
// of bench/REPORT.md. `previous`, when given, is the same section of the previous report.
const TARGETS = {
  admin: 2000,
  styrer: 100,
  list: 100,
  commitP95: 50,
};

const fmt = (s) => (s ? `${s.median} (${s.min}–${s.max})` : '–');
const n = (v) => Number(v).toLocaleString('nb-NO');

function verdict(ms, limit) {
  return ms <= limit ? `✓ under ${n(limit)} ms` : `✗ over ${n(limit)} ms`;
}

function was(previous, group, name, pick = (x) => x.ms.median) {
  const before = previous?.[group]?.[name];
  return before ? `${pick(before)} ms` : '–';
}

/**
 * What the figures say about one machine's limit. Latency under load depends on what else the
 * machine runs; the server's own CPU time per request does not, so the ceiling is computed from it.
 */
function limits(section) {
  const commits = Object.entries(section.openLoop).find(([name]) => name.startsWith('progress'))?.[1];
  const practice = Object.entries(section.openLoop).find(([name]) => !name.startsWith('progress'))?.[1];
  const cores = section.cores ?? 2;
  const out = [];
  if (commits?.cpuMsPerRequest) {
    const perSecond = Math.round((cores * 1000) / commits.cpuMsPerRequest.median);
    out.push(
      `CPU først. En progress-commit koster serveren ${commits.cpuMsPerRequest.median} ms CPU (median), så ${cores} kjerner som ikke gjør annet bærer om lag ${n(perSecond)} commits i sekundet, ${Math.floor(perSecond / section.peak.commitsPerSecond)}× Bærums topp. ` +
        `Et land der en tiendedel av 100 000 ansatte er i en leksjon samtidig (10 000 × én commit per 10 s = 1 000/s) trenger ${Math.ceil(1000 / (perSecond / cores))} kjerner bare til commits.`,
    );
  }
  if (practice?.cpuMsPerRequest) out.push(`En øvingskoding koster ${practice.cpuMsPerRequest.median} ms CPU.`);
  out.push(
    'SQLite skriver én transaksjon om gangen (en commit: raden, dens indekser og én rad i progress_totals). Denne målingen skiller ikke ventetid på skrivelåsen fra annen ventetid, så hvor skrivingen alene tar slutt, er ikke målt her.',
  );
  out.push(
    `Data og minne er ikke grensen: ${n(section.dataDirMb)} MB data for hele landet (mesteparten er øvingsforsøkene, som lagrer fasitens begrunnelse i hvert forsøk), og serveren holdt seg under ${n(section.memoryAfter.peakMb)} MB.`,
  );
  out.push(
    'Når én maskin ikke holder: først flere kjerner på samme maskin (PocketBase bruker alle); så commits samlet i klienten (én per leksjonsside i stedet for hvert 10. sekund) eller en Go-rute for commits uten JS-hook; deretter én PocketBase per region eller fylke (data deles naturlig per barnehage), med rapporter for hele landet satt sammen av regionenes totaler.',
  );
  return out;
}

export function renderNational(section, previous) {
  if (!section) return '';
  const d = section.dataset;
  const lines = [];
  lines.push('## Hele landet på én maskin');
  lines.push('');
  lines.push(
    `Et generert datasett på størrelse med alle barnehageansatte i Norge, skrevet rett inn i en engangs datamappe med Node sin innebygde SQLite (serveren kjører først én gang for migreringene og vignettene, så stoppes den): ` +
      `${n(d.counts.users)} brukere i ${n(d.counts.barnehager)} barnehager (${n(d.counts.avdelinger)} avdelinger), ${n(d.counts.progress)} fremdriftsrader og ${n(d.counts.attempts)} øvingsforsøk. ` +
      `Bygget tok ${d.seconds.total} s (server og vignetter ${d.seconds.server} s, innsetting ${d.seconds.insert} s, avledede tabeller ${d.seconds.derived} s).`,
  );
  lines.push('');
  lines.push(`Datamappen: ${n(section.dataDirMb)} MB før målingene, ${n(section.dataDirMbAfter)} MB etter. Serverens minne (VmRSS / VmHWM): ${section.memoryAtStart.rssMb} MB ved start, ${section.memoryAfter.rssMb} MB etter målingene, høyest ${section.memoryAfter.peakMb} MB.`);
  lines.push('');
  lines.push(`Hver tid er medianen av ${section.runs} målinger (min–maks i parentes), etter ett første kall som ikke telles (det står for seg som «første»).`);
  lines.push('');
  const table = (title, group, limitOf) => {
    lines.push(`### ${title}`);
    lines.push('');
    lines.push('| kall | ms | første ms | KB | mål | forrige |');
    lines.push('|---|---|---|---|---|---|');
    for (const [name, r] of Object.entries(section[group])) {
      const limit = limitOf(name);
      lines.push(`| ${name} | ${fmt(r.ms)} | ${r.firstMs} | ${(r.bytes / 1024).toFixed(1)} | ${limit ? verdict(r.ms.median, limit) : ''} | ${was(previous, group, name)} |`);
    }
    lines.push('');
  };
  table('Rapportene', 'reports', (name) => (name.startsWith('admin') ? TARGETS.admin : name.startsWith('styrer') ? TARGETS.styrer : 0));
  table('Min side (én deltaker)', 'minSide', () => 0);
  table('Lister av progress (én side, som PocketBase svarer)', 'progressLists', (name) => (name.startsWith('admin') ? 0 : TARGETS.list));
  if (section.userLists) table('Lister av users', 'userLists', () => 0);
  lines.push(`### Åpen last (${section.factor}× Bærums topp)`);
  lines.push('');
  lines.push(
    `Bærums topp: ${section.peak.commitsPerSecond} commits i sekundet (noen hundre i en leksjon samtidig, hver commit høyst hvert 10. sekund) og ${section.peak.practicePerSecond} øvingskodinger i sekundet. Fast ankomstrate (autocannon, bench/lib/open-loop.mjs), ${section.learnersInLoad} deltakere spredt over landet, hver kjøring ${Object.values(section.openLoop)[0]?.seconds} s.`,
  );
  lines.push('');
  lines.push('| last | rate/s | oppnådd/s | p50 ms | p95 ms | p99 ms | server-CPU ms per forespørsel | feil | mål |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(section.openLoop)) {
    const goal = name.startsWith('progress') ? verdict(r.p95.median, TARGETS.commitP95).replace('under', 'p95 under').replace('over', 'p95 over') : '';
    lines.push(`| ${name} | ${r.rate} | ${fmt(r.achievedRps)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.cpuMsPerRequest)} | ${r.errors} av ${n(r.requests)} | ${goal} |`);
  }
  lines.push('');
  lines.push('### Hvor én maskin ikke lenger er nok');
  lines.push('');
  for (const line of limits(section)) lines.push(`- ${line}`);
  lines.push('');
  return lines.join('\n');
}
