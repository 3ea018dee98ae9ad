// bench/REPORT.md from the measured figures, in Norwegian (the competence team reads it): each
// table says how it was measured, every repeated figure is the median with the lowest and highest
// run, and a figure the previous report (the committed bench/report.json) also had stands beside
// it as "forrige: X".

/** A figure's value: the median of a spread ({median, min, max, runs}) or the number itself. */
const valueOf = (x) => (x && typeof x === 'object' && 'median' in x ? x.median : x);
const nb = (v, digits) => (typeof v === 'number' && Number.isFinite(v) ? (digits === undefined ? String(v) : v.toFixed(digits)).replace('.', ',') : '–');

/** "12,3 (11,0–14,2)" for a spread of several runs, "12,3" for one value. */
export function range(s, digits) {
  if (s && typeof s === 'object' && 'median' in s) return s.runs > 1 ? `${nb(s.median, digits)} (${nb(s.min, digits)}–${nb(s.max, digits)})` : nb(s.median, digits);
  return nb(s, digits);
}

/** A cell: the figure, and the previous report's figure beside it where that report had it. */
export function cell(now, previous, digits) {
  const was = valueOf(previous);
  return typeof was === 'number' ? `${range(now, digits)} · forrige: ${nb(was, digits)}` : range(now, digits);
}

const kb = (bytes) => (typeof bytes === 'number' ? bytes / 1024 : bytes && { ...bytes, median: bytes.median / 1024, min: bytes.min / 1024, max: bytes.max / 1024 });
const at = (object, ...keys) => keys.reduce((o, k) => (o == null ? undefined : o[k]), object);

function machineText(m) {
  return `${m.cpu}, ${m.cores} kjerner, ${nb(m.memoryGiB)} GiB minne; ${m.os}; Node ${m.node}; ${m.chromium}`;
}

function pageWeight(r, p, lines) {
  lines.push('## 1. Sidevekt');
  lines.push('');
  lines.push(
    'Alt siden laster i Debians chromium (Playwright) med tom hurtigbuffer, til nettverket er stille: størrelsen utpakket, og i parentes bytene som går over nettet (serveren gzipper nettstedet). «API» er dataene øyene henter. Sider merket «innlogget» besøkes av en deltaker som nettopp har logget inn gjennom skjemaet (innloggingen fyller hurtigbufferen, som tømmes før målingen). Medianen av gjentatte besøk; der «forrige» står, er det JS over nettet i forrige rapport.',
  );
  lines.push('');
  const limits = Object.values(r.pageWeight).some((w) => typeof w.jsLimitBytes === 'number');
  lines.push(`| side | HTML kB (nett) | CSS kB (nett) | JS kB (nett) | API kB | forespørsler |${limits ? ' JS-grense kB (nett) |' : ''}`);
  lines.push(`|---|---|---|---|---|---|${limits ? '---|' : ''}`);
  for (const [name, w] of Object.entries(r.pageWeight)) {
    const was = at(p, 'pageWeight', name);
    const pair = (kind) => `${range(kb(w[kind].raw), 1)} (${range(kb(w[kind].wire), 1)})`;
    const js = `${pair('js')}${typeof valueOf(was?.js?.wire) === 'number' ? ` · forrige: ${nb(valueOf(was.js.wire) / 1024, 1)}` : ''}`;
    const limit = limits ? ` ${typeof w.jsLimitBytes === 'number' ? `${nb(w.jsLimitBytes / 1024)} ${valueOf(w.js.wire) <= w.jsLimitBytes ? '(innenfor)' : '(**over**)'}` : '–'} |` : '';
    lines.push(`| ${name}${w.loggedIn && !name.includes('innlogget') ? ', innlogget' : ''} (\`${w.path}\`) | ${pair('html')} | ${pair('css')} | ${js} | ${range(kb(w.api.raw), 1)} | ${cell(w.requests, was?.requestsSpread ?? was?.requests)} |${limit}`);
  }
  lines.push('');
}

function lighthouse(r, p, lines) {
  lines.push('## 2. Lighthouse');
  lines.push('');
  lines.push(
    'npm-pakken `lighthouse` med Debians chromium (`CHROME_PATH`), standard mobilemulering og simulert struping. Alle sidene måles som en besøkende som ikke er logget inn (Lighthouse starter med en tom profil), hver adresse én gang.',
  );
  lines.push('');
  lines.push('| side | ytelse | tilgjengelighet | beste praksis | SEO | LCP ms | TBT ms | CLS |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const [name, l] of Object.entries(r.lighthouse)) {
    const was = at(p, 'lighthouse', name) ?? {};
    lines.push(
      `| ${name} | ${cell(l.performance, was.performance)} | ${cell(l.accessibility, was.accessibility)} | ${cell(l.bestPractices, was.bestPractices)} | ${cell(l.seo, was.seo)} | ${cell(l.lcpMs, was.lcpMs)} | ${cell(l.tbtMs, was.tbtMs)} | ${cell(l.cls, was.cls)} |`,
    );
  }
  lines.push('');
}

const times = (n) => `${n} ${n === 1 ? 'gang' : 'ganger'}`;
const pct = (m) => `${m.mean} / ${m.max}`;

function machineTable(rows, lines) {
  lines.push('| måling | CPU hele maskinen % (snitt / maks) | CPU PocketBase % (snitt / maks) | CPU lastgeneratoren % (snitt / maks) | PocketBase RSS maks MiB | PocketBase VmHWM MiB | MemAvailable laveste MiB (ved start) |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const [name, m] of rows) {
    lines.push(`| ${name} | ${pct(m.cpuMachine)} | ${pct(m.cpuServer)} | ${pct(m.cpuGenerator)} | ${m.serverRssMiB.max} | ${m.serverHwmMiB} | ${m.memAvailableMiB.min} (${m.memAvailableMiB.start}) |`);
  }
  lines.push('');
}

function load(r, p, lines) {
  const l = r.load;
  const first = Object.values(l.openLoop)[0];
  lines.push('## 3. Last: Bærums travleste time (åpen sløyfe)');
  lines.push('');
  lines.push(
    `Den ekte serveren (PocketBase med våre hooks) på en datamappe som kastes etterpå. Folkene: ${l.population.staff} ansatte lagt inn med den ekte ansattimporten (en barnehage per 20, den første i hver er styrer), ${l.population.progressRows} fremdriftsrader fra før; ${l.population.learners} deltakere har hver sin innlogging (token) og sin egen fremdriftsrad, ${l.population.styrere} styrere og ${l.population.admins} i Kompetanseteam har hver sin innlogging. Forespørslene går på omgang mellom dem, så hver forespørsel bærer neste persons token.`,
  );
  lines.push('');
  lines.push(
    `**Åpen sløyfe:** forespørslene sendes med en fast rate uansett hvor fort svarene kommer, slik ekte brukere gjør (de venter ikke på hverandre). Lastgeneratoren er npm-pakken \`autocannon\`, som gir hver forbindelse en kvote per sekund. Vi bruker én forbindelse per forespørsel i sekundet (ved 1 500 i sekundet altså 1 500 forbindelser), så ingen forespørsel venter på svaret på en annen så lenge svarene kommer innen et sekund, og vi sprer ankomstene jevnt over sekundet (50 puljer). Kommer svarene for sent, går det ut færre forespørsler enn målet: derfor står **oppnådd rate** ved siden av målet, og en oppnådd rate under målet betyr at serveren ikke holdt følge (da er forsinkelsen i tabellen for lav, ikke for høy). Forsinkelsen er tiden fra forespørselen er skrevet til svaret er lest, for hvert svar; autocannons egen korreksjon for «coordinated omission» er slått av (den legger til oppdiktede målinger). Hver kjøring varer ${first.seconds} s og kjøres ${times(first.runs)}; tallene er medianen (laveste–høyeste kjøring), og der forrige rapport hadde samme måling, står den som «forrige». «Feil» er brutte forbindelser og tidsavbrudd (10 s); «ikke 2xx» er svar som ikke var vellykkede.`,
  );
  lines.push('');
  lines.push('Rate ved 1× (toppen i Bærum), med antakelsen bak:');
  lines.push('');
  for (const peak of Object.values(l.peak)) lines.push(`- **${peak.label}: ${peak.rate} i sekundet.** ${peak.assumption}`);
  lines.push('');
  lines.push(
    'Fremdrift lagres er PATCH av egen rad i `progress`, slik SCORM-broen sender den; øvingskoding er `POST /api/tettpa/attempts` på en kort vignett (skåres mot fasitkodene i pb_hooks); styrerens rapporter er `GET /api/tettpa/reports/staff` og `/api/tettpa/reports/avdelinger?month=` (ledersiden), Kompetanseteamets `GET /api/tettpa/reports/completion` og `/api/tettpa/reports/avdelinger?month=` (admin-siden), annenhver gang.',
  );
  lines.push('');
  lines.push('| arbeidslast | × topp | mål /s | oppnådd /s | p50 ms | p95 ms | p99 ms | maks ms | feil | ikke 2xx |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const [key, row] of Object.entries(l.openLoop)) {
    const was = at(p, 'load', 'openLoop', key) ?? {};
    lines.push(
      `| ${row.label} | ${row.multiple}× | ${row.targetRate} | ${cell(row.achievedRps, was.achievedRps, 1)} | ${cell(row.p50, was.p50, 1)} | ${cell(row.p95, was.p95, 1)} | ${cell(row.p99, was.p99, 1)} | ${range(row.max, 1)} | ${cell(row.errors, was.errors)} | ${cell(row.non2xx, was.non2xx)} |`,
    );
  }
  lines.push('');
  if (p?.server) {
    lines.push(
      'Forrige rapport målte serveren med en lukket sløyfe (hver simulert deltaker sendte neste forespørsel straks svaret kom); de tallene måler en kø vi lagde selv og kan ikke sammenlignes med tabellen over. Gjennomstrømningen den målte står ved metningen nedenfor.',
    );
    lines.push('');
  }
  lines.push('Maskinen under hver åpen-sløyfe-måling (alle kjøringene, målt hvert halve sekund fra /proc; 100 % er én kjerne, maskinen har ' + `${first.machine.cores} kjerner; lastgeneratoren er Node-prosessen som sender forespørslene):`);
  lines.push('');
  machineTable(Object.values(l.openLoop).map((row) => [`${row.label} ${row.multiple}×`, row.machine]), lines);

  const s = l.saturation;
  const rows = Object.values(s.rows);
  lines.push('## 4. Metning: hvor mye én maskin tåler');
  lines.push('');
  lines.push(
    `Lukkede sløyfer (hver forbindelse sender neste forespørsel straks svaret kommer), så serveren aldri står ledig: raten den svarer med, er det meste den klarer med så mange forespørsler samtidig. Målt med ${[...new Set(rows.map((x) => x.connections))].join(' og ')} forbindelser; den beste teller (flere forbindelser kan også gi færre svar, når forespørslene venter på hverandre). Fremdrift lagres (PATCH av egen rad, med innlogging, tilgangsregler og våre hooks) måles mot ren PocketBase: en samling \`bench_plain\` med ett tekstfelt, åpne regler og ingen hooks av våre, laget under kjøringen i den samme datamappen, både oppretting (POST, det saken ber om) og oppdatering (PATCH, samme slags skriving som fremdriften). Samme maskin, samme kjøring, på omgang, ${rows[0].seconds} s per kjøring, ${times(rows[0].runs)} hver.`,
  );
  lines.push('');
  const prevSat = at(p, 'load', 'saturation');
  const prevClosed = at(p, 'server', 'progress commits, 200 samtidige');
  lines.push('| forespørsel | forbindelser | svar /s | p50 ms | p95 ms | p99 ms | feil | ikke 2xx |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const [key, row] of Object.entries(s.rows)) {
    lines.push(`| ${row.label} | ${row.connections} | ${cell(row.achievedRps, at(prevSat, 'rows', key, 'achievedRps'), 1)} | ${range(row.p50, 1)} | ${range(row.p95, 1)} | ${range(row.p99, 1)} | ${row.errors} | ${row.non2xx} |`);
  }
  lines.push('');
  if (!prevSat && prevClosed) lines.push(`Forrige rapport målte fremdrift lagres med 200 samtidige i en lukket sløyfe (fetch): ${nb(prevClosed.rps)} i sekundet.`, '');
  lines.push(
    `**Forholdet** (beste median): fremdrift lagres klarer ${nb(s.ratio, 2)} ganger så mange i sekundet som en ren oppretting${typeof prevSat?.ratio === 'number' ? ` (forrige: ${nb(prevSat.ratio, 2)})` : ''}, og ${nb(s.ratioToUpdate, 2)} ganger så mange som en ren oppdatering${typeof prevSat?.ratioToUpdate === 'number' ? ` (forrige: ${nb(prevSat.ratioToUpdate, 2)})` : ''}. Toppen i Bærum er ${l.peak.progress.rate} lagringer i sekundet; metningen (${nb(s.best.progress, 0)} i sekundet) er ${nb(s.best.progress / l.peak.progress.rate, 1)} ganger det.`,
  );
  lines.push('');
  machineTable(rows.map((row) => [`${row.label}, ${row.connections} forbindelser`, row.machine]), lines);
}

export function renderReport(r, p = null, extraSections = []) {
  const m = r.machine;
  const lines = [];
  lines.push('# Ytelsesmåling: hva Tett på læring koster en bruker');
  lines.push('');
  lines.push(
    `Målt ${m.date} med \`npm run bench\`${r.quick ? ' (BENCH_QUICK=1: en prøvekjøring med færre og kortere runder, ikke til sammenligning)' : ''}. Tall fra flere kjøringer står som medianen og, i parentes, laveste og høyeste av ${r.runs} kjøringer.`,
  );
  if (p?.machine) {
    lines.push('');
    lines.push(
      `«forrige: X» er samme tall i forrige rapport (målt ${p.machine.date}${p.quick ? ', en prøvekjøring' : ''}${machineText(p.machine) === machineText(m) ? ' på samme slags maskin' : `, på ${machineText(p.machine)}`}), der den hadde tallet.`,
    );
  }
  lines.push('');
  lines.push('## Maskin');
  lines.push('');
  lines.push(`${machineText(m)}. Serveren, lastgeneratoren og nettleseren deler denne maskinen.`);
  lines.push('');

  pageWeight(r, p, lines);
  lighthouse(r, p, lines);
  if (r.load) load(r, p, lines);

  lines.push('## 5. Reliabilitetssjekk');
  lines.push('');
  lines.push(
    `Fra femte syklus (førskole, som skårer alle fem) sendes til resultatet er lest: ${cell(r.reliabilityCheck, at(p, 'reliabilityCheck'), 1)} ms, over ${r.reliabilityCheck.runs} deltakere (median, laveste–høyeste).`,
  );
  lines.push('');

  lines.push('## 6. Sanntid');
  lines.push('');
  const rt = r.realtime;
  const prt = at(p, 'realtime') ?? {};
  lines.push(
    `${rt.participants} deltakere i en gruppe, hver abonnerer på gruppens runder gjennom JS-SDK-en (EventSource), som i rommet. Én om gangen sender en deltaker kodene sine; tiden er fra innsending til lederens klient får runden med det nye antallet. ${rt.samples} av ${rt.expected} innsendinger ble sett. Alle målingene fra alle rundene er slått sammen (ikke median av kjøringer).`,
  );
  lines.push('');
  lines.push('| p50 ms | p95 ms | maks ms |');
  lines.push('|---|---|---|');
  lines.push(`| ${cell(rt.p50, prt.p50)} | ${cell(rt.p95, prt.p95)} | ${cell(rt.max, prt.max)} |`);
  lines.push('');

  if (r.staffImport) {
    const s = r.staffImport;
    const ps = at(p, 'staffImport') ?? {};
    lines.push('## 7. Import av ansatte');
    lines.push('');
    lines.push(
      `\`POST /api/tettpa/admin/staff-import\` med en generert fil på ${s.people} linjer i Windows-1252 (semikolon, æøå, en ny barnehage per 20 personer), fra sending til svaret er lest. Hver kjøring bruker en ny fil, så importen oppretter virkelig ${s.people} personer; «samme fil igjen» sender den samme filen en gang til (ingenting endres). Sak 10 ber om under 10 s.`,
    );
    lines.push('');
    lines.push('| forhåndsvisning s | import s | samme fil igjen s |');
    lines.push('|---|---|---|');
    lines.push(`| ${cell(s.preview, ps.preview, 2)} | ${cell(s.import, ps.import, 2)} | ${cell(s.again, ps.again, 2)} |`);
    lines.push('');
  }

  if (r.scale) {
    lines.push('## 8. Skala');
    lines.push('');
    lines.push(
      '`astro build` i en midlertidig kopi av prosjektet: det ekte innholdet, og et syntetisk sett der hver leksjon og vignett er kopiert til ti ganger så mange (generert, aldri lagt inn i git). Størrelsen er hele `dist/`. Byggene her hopper over SCORM-pakkene (`TETTPA_SKIP_SCORM_PACKAGES=1`, et eget bygg på om lag 20 s); `npm run build` lager dem som før.',
    );
    lines.push('');
    lines.push('| innhold | sider | byggetid s | dist MB | filer |');
    lines.push('|---|---|---|---|---|');
    for (const [label, s] of Object.entries(r.scale)) {
      const ps = at(p, 'scale', label) ?? {};
      lines.push(`| ${label === 'real' ? 'ekte' : label} | ${cell(s.pages, ps.pages)} | ${cell(s.seconds, ps.seconds, 1)} | ${cell(s.megabytes, ps.megabytes)} | ${cell(s.files, ps.files)} |`);
    }
    lines.push('');
  }

  // Sections other modules add (the national data set …): each `(report, previous) => markdown`,
  // a string or an array of lines.
  for (const section of extraSections) {
    const more = section(r, p);
    if (more?.length) lines.push(...(Array.isArray(more) ? more : [more.trimEnd()]), '');
  }

  lines.push('## Slik leser du dette');
  lines.push('');
  lines.push('- Innholdssider bør sende nesten ingen JS: det de har, er toppfeltets øktsjekk og øyene på siden (fremdrift, quiz, refleksjon).');
  lines.push('- Lighthouse gir poeng av 100; LCP under 2 500 ms og CLS under 0,1 er Googles grenser for «bra» på en strupet mobil.');
  lines.push('- Ved lasten skal feil og «ikke 2xx» være 0, og oppnådd rate skal være lik målet; er den lavere, holdt ikke serveren følge, og da er det metningen som sier hvor grensen går.');
  lines.push('- Alle skrivinger går gjennom SQLites ene skriver: fremdrift og øvingskoding er skrivinger, rapportene er lesinger.');
  lines.push('- Tallene er fra én liten maskin som også kjører lastgeneratoren og nettleseren: sammenlign kjøringer på samme maskin, ikke på tvers av maskiner.');
  lines.push('');
  return `${lines.join('\n')}\n`;
}
