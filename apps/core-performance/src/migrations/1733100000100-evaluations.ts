import type { MigrationInterface, QueryRunner } from 'typeorm';

type AnswerType = 'yes_no' | 'a_to_e';
type Criterion = readonly [AnswerType, string];

/** One component of the seed: its weight and the criteria of keberadaan / kualitas / pemanfaatan. */
interface SeedComponent {
  code: string;
  name: string;
  weight: string;
  keberadaan: readonly Criterion[];
  kualitas: readonly Criterion[];
  pemanfaatan: readonly Criterion[];
}

const Y: AnswerType = 'yes_no';
const AE: AnswerType = 'a_to_e';

/**
 * LKE of PermenPAN-RB 88/2021 (Lampiran: Lembar Kerja Evaluasi AKIP), the criteria an evaluator
 * answers for one OPD. Frozen here on purpose: a migration must produce the same rows forever; a
 * revised LKE is a NEW version row (code, version + 1), and evaluations keep their own copy.
 */
const LKE_88_2021: readonly SeedComponent[] = [
  {
    code: '1',
    name: 'Perencanaan Kinerja',
    weight: '30',
    keberadaan: [
      [Y, 'Terdapat pedoman teknis perencanaan kinerja'],
      [Y, 'Dokumen Renstra telah tersedia'],
      [Y, 'Dokumen Rencana Kerja (Renja) tahunan telah tersedia'],
      [Y, 'Dokumen Perjanjian Kinerja telah tersedia'],
      [Y, 'Dokumen Rencana Aksi atas kinerja telah tersedia'],
    ],
    kualitas: [
      [Y, 'Dokumen perencanaan kinerja telah diformalkan dan dipublikasikan tepat waktu'],
      [AE, 'Dokumen perencanaan kinerja telah menggambarkan kebutuhan atas kinerja sebenarnya yang perlu dicapai'],
      [AE, 'Rumusan tujuan dan sasaran telah jelas menggambarkan kondisi kinerja yang akan dicapai'],
      [AE, 'Indikator kinerja utama telah SMART (specific, measurable, achievable, relevant, time-bound)'],
      [AE, 'Target kinerja yang ditetapkan telah berorientasi hasil (outcome) dan menantang'],
      [AE, 'Setiap unit kerja telah merumuskan dan menetapkan perencanaan kinerja yang selaras (cascading)'],
    ],
    pemanfaatan: [
      [AE, 'Anggaran yang ditetapkan telah mengacu pada kinerja yang ingin dicapai'],
      [AE, 'Aktivitas yang dilaksanakan telah mendukung kinerja yang ingin dicapai'],
      [AE, 'Target yang ditetapkan dalam Perjanjian Kinerja telah tercapai'],
      [AE, 'Rencana Aksi berjalan dinamis karena capaian kinerja dipantau secara berkala'],
      [Y, 'Terdapat perbaikan dokumen perencanaan kinerja berdasarkan hasil analisis kinerja sebelumnya'],
      [AE, 'Setiap pegawai memahami dan berkomitmen mencapai kinerja yang telah direncanakan'],
    ],
  },
  {
    code: '2',
    name: 'Pengukuran Kinerja',
    weight: '30',
    keberadaan: [
      [Y, 'Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data kinerja'],
      [Y, 'Terdapat definisi operasional yang jelas atas kinerja dan cara mengukur indikator kinerja'],
      [Y, 'Terdapat mekanisme pengumpulan data kinerja yang dapat diandalkan'],
    ],
    kualitas: [
      [AE, 'Pimpinan terlibat sebagai pengambil keputusan dalam mengukur capaian kinerja'],
      [AE, 'Data kinerja yang dikumpulkan relevan untuk mengukur capaian kinerja yang diharapkan'],
      [AE, 'Pengukuran kinerja telah dilakukan secara berjenjang dan berkala'],
      [Y, 'Pengukuran kinerja telah dilakukan menggunakan teknologi informasi'],
      [AE, 'Pengukuran kinerja telah menjadi dasar pemberian penghargaan dan sanksi (reward and punishment)'],
    ],
    pemanfaatan: [
      [AE, 'Hasil pengukuran kinerja telah menjadi dasar penyesuaian tunjangan kinerja/penghasilan'],
      [AE, 'Hasil pengukuran kinerja telah memengaruhi penyesuaian strategi dan kebijakan dalam mencapai kinerja'],
      [AE, 'Hasil pengukuran kinerja telah memengaruhi penyesuaian aktivitas dan anggaran dalam mencapai kinerja'],
      [Y, 'Terdapat efisiensi atas penggunaan anggaran dalam mencapai kinerja'],
      [AE, 'Setiap unit kerja memahami dan peduli atas hasil pengukuran kinerja'],
    ],
  },
  {
    code: '3',
    name: 'Pelaporan Kinerja',
    weight: '15',
    keberadaan: [
      [Y, 'Dokumen Laporan Kinerja (LKjIP) telah disusun'],
      [Y, 'Laporan kinerja telah disusun secara berkala (bulanan/triwulanan)'],
      [Y, 'Dokumen Laporan Kinerja telah diformalkan, direviu dan dipublikasikan'],
      [Y, 'Dokumen Laporan Kinerja telah disampaikan tepat waktu'],
    ],
    kualitas: [
      [AE, 'Dokumen Laporan Kinerja disusun secara berkualitas sesuai dengan standar'],
      [AE, 'Laporan Kinerja menyajikan perbandingan realisasi dengan target tahunan, target jangka menengah dan realisasi tahun-tahun sebelumnya'],
      [AE, 'Laporan Kinerja menyajikan analisis penyebab keberhasilan/kegagalan beserta upaya nyata dan hambatannya'],
      [AE, 'Laporan Kinerja menyajikan efisiensi penggunaan sumber daya dalam mencapai kinerja'],
      [Y, 'Laporan Kinerja menyajikan upaya perbaikan dan penyempurnaan kinerja ke depan'],
    ],
    pemanfaatan: [
      [AE, 'Informasi dalam laporan kinerja menjadi perhatian utama pimpinan'],
      [AE, 'Informasi dalam laporan kinerja berkala digunakan untuk penyesuaian aktivitas dan anggaran'],
      [AE, 'Informasi dalam laporan kinerja digunakan dalam evaluasi pencapaian keberhasilan kinerja'],
      [AE, 'Informasi dalam laporan kinerja digunakan dalam penyesuaian perencanaan kinerja berikutnya'],
    ],
  },
  {
    code: '4',
    name: 'Evaluasi Akuntabilitas Kinerja Internal',
    weight: '25',
    keberadaan: [
      [Y, 'Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal'],
      [Y, 'Evaluasi akuntabilitas kinerja internal telah dilaksanakan pada seluruh unit kerja'],
      [Y, 'Evaluasi akuntabilitas kinerja internal telah dilaksanakan secara berjenjang'],
    ],
    kualitas: [
      [AE, 'Evaluasi akuntabilitas kinerja internal telah dilaksanakan sesuai standar'],
      [AE, 'Evaluasi akuntabilitas kinerja internal telah dilaksanakan oleh SDM yang memadai'],
      [AE, 'Evaluasi akuntabilitas kinerja internal telah dilaksanakan dengan pendalaman yang memadai'],
      [Y, 'Evaluasi akuntabilitas kinerja internal telah menggunakan teknologi informasi'],
    ],
    pemanfaatan: [
      [AE, 'Seluruh rekomendasi hasil evaluasi akuntabilitas kinerja internal telah ditindaklanjuti'],
      [AE, 'Tindak lanjut rekomendasi telah meningkatkan implementasi SAKIP'],
      [AE, 'Hasil evaluasi telah dimanfaatkan untuk perbaikan dan peningkatan akuntabilitas kinerja'],
      [AE, 'Hasil evaluasi telah dimanfaatkan untuk mendukung efektivitas dan efisiensi kinerja'],
    ],
  },
];

/** keberadaan / kualitas / pemanfaatan = 20% / 30% / 50% of the component's weight (DOMAIN.md). */
const SUB_COMPONENTS = [
  { kind: 'keberadaan', letter: 'a', name: 'Keberadaan', share: '20' },
  { kind: 'kualitas', letter: 'b', name: 'Kualitas', share: '30' },
  { kind: 'pemanfaatan', letter: 'c', name: 'Pemanfaatan', share: '50' },
] as const;

/** The template document stored in `core.lke_templates.content` (read by evaluations/lke-template.ts; exported for its spec). */
export function lke88TemplateContent() {
  return {
    components: LKE_88_2021.map((c) => ({
      code: c.code,
      name: c.name,
      weight: c.weight,
      subComponents: SUB_COMPONENTS.map((s) => ({
        code: `${c.code}.${s.letter}`,
        kind: s.kind,
        name: s.name,
        share: s.share,
        criteria: c[s.kind].map(([answerType, question], i) => ({ code: `${c.code}.${s.letter}.${i + 1}`, question, answerType })),
      })),
    })),
  };
}

/**
 * LKE templates and evaluations (issue #6, DOMAIN.md "Evaluation (LKE)"). A template is a versioned
 * document (code, version); creating an evaluation COPIES the latest version of its template into
 * the evaluation's own component / sub-component / criterion rows, so a later template change never
 * alters an existing evaluation. Scores are numeric, computed in decimal, never float.
 */
export class Evaluations1733100000100 implements MigrationInterface {
  name = 'Evaluations1733100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.lke_templates (
        code text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        regulation text NOT NULL,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version)
      )`);
    await q.query(`INSERT INTO core.lke_templates (code, version, name, regulation, content) VALUES ('lke-88-2021', 1, $1, $2, $3::jsonb)`, [
      'Lembar Kerja Evaluasi Akuntabilitas Kinerja Instansi Pemerintah',
      'Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah',
      JSON.stringify(lke88TemplateContent()),
    ]);

    await q.query(`
      CREATE TABLE core.evaluations (
        id uuid PRIMARY KEY,
        opd_id uuid NOT NULL REFERENCES core.opds (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        template_code text NOT NULL,
        template_version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'final', 'published')),
        score numeric(5, 2) NULL CHECK (score BETWEEN 0 AND 100),
        grade text NULL CHECK (grade IN ('AA', 'A', 'BB', 'B', 'CC', 'C', 'D')),
        created_by text NOT NULL,
        finalized_by text NULL,
        finalized_at timestamptz NULL,
        published_by text NULL,
        published_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (opd_id, year),
        FOREIGN KEY (template_code, template_version) REFERENCES core.lke_templates (code, version),
        -- score and grade exist exactly from finalize on; published implies finalized.
        CHECK ((status = 'draft') = (score IS NULL) AND (score IS NULL) = (grade IS NULL)),
        CHECK ((status = 'draft') = (finalized_at IS NULL) AND (status = 'published') = (published_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX evaluations_year_idx ON core.evaluations (year, status)`);

    await q.query(`
      CREATE TABLE core.evaluation_components (
        id uuid PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES core.evaluations (id),
        code text NOT NULL,
        name text NOT NULL,
        weight numeric(6, 2) NOT NULL CHECK (weight > 0 AND weight <= 100),
        sort_order integer NOT NULL,
        UNIQUE (evaluation_id, code)
      )`);
    // weight = share × component weight / 100 (e.g. Perencanaan keberadaan = 20% × 30 = 6).
    await q.query(`
      CREATE TABLE core.evaluation_sub_components (
        id uuid PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES core.evaluations (id),
        component_id uuid NOT NULL REFERENCES core.evaluation_components (id),
        code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('keberadaan', 'kualitas', 'pemanfaatan')),
        name text NOT NULL,
        share numeric(5, 2) NOT NULL CHECK (share > 0 AND share <= 100),
        weight numeric(6, 2) NOT NULL CHECK (weight > 0 AND weight <= 100),
        sort_order integer NOT NULL,
        UNIQUE (evaluation_id, code)
      )`);
    await q.query(`CREATE INDEX evaluation_sub_components_component_idx ON core.evaluation_sub_components (component_id)`);
    await q.query(`
      CREATE TABLE core.evaluation_criteria (
        id uuid PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES core.evaluations (id),
        sub_component_id uuid NOT NULL REFERENCES core.evaluation_sub_components (id),
        code text NOT NULL,
        question text NOT NULL,
        answer_type text NOT NULL CHECK (answer_type IN ('yes_no', 'a_to_e')),
        sort_order integer NOT NULL,
        answer text NULL,
        note text NULL,
        evidence_file_ids uuid[] NOT NULL DEFAULT '{}',
        answered_by text NULL,
        answered_at timestamptz NULL,
        UNIQUE (evaluation_id, code),
        CHECK (answer IS NULL OR (answer_type = 'yes_no' AND answer IN ('Y', 'T')) OR (answer_type = 'a_to_e' AND answer IN ('A', 'B', 'C', 'D', 'E')))
      )`);
    await q.query(`CREATE INDEX evaluation_criteria_sub_component_idx ON core.evaluation_criteria (sub_component_id)`);

    await q.query(`
      CREATE TABLE core.evaluation_recommendations (
        id uuid PRIMARY KEY,
        evaluation_id uuid NOT NULL REFERENCES core.evaluations (id),
        component_id uuid NOT NULL REFERENCES core.evaluation_components (id),
        text text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        follow_up_text text NULL,
        follow_up_status text NOT NULL DEFAULT 'open' CHECK (follow_up_status IN ('open', 'in_progress', 'done')),
        follow_up_by text NULL,
        follow_up_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX evaluation_recommendations_evaluation_idx ON core.evaluation_recommendations (evaluation_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.evaluation_recommendations, core.evaluation_criteria, core.evaluation_sub_components, core.evaluation_components, core.evaluations, core.lke_templates`);
  }
}
