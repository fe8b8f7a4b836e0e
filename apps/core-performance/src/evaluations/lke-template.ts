import { LKE_ANSWER_TYPES, LKE_SUB_COMPONENT_KINDS, type LkeAnswerType, type LkeSubComponentKind } from '@sakip/contracts';
import { CapaianDecimal as D } from '../capaian/capaian';

/** The LKE every new evaluation copies (DOMAIN.md: `lke-88-2021`, seeded by migration). */
export const LKE_TEMPLATE_CODE = 'lke-88-2021';

export interface TemplateCriterion {
  code: string;
  question: string;
  answerType: LkeAnswerType;
}

export interface TemplateSubComponent {
  code: string;
  kind: LkeSubComponentKind;
  name: string;
  /** % of the component's weight. */
  share: string;
  /** share × component weight / 100: its points in the 0–100 score (2 decimals). */
  weight: string;
  criteria: TemplateCriterion[];
}

export interface TemplateComponent {
  code: string;
  name: string;
  weight: string;
  subComponents: TemplateSubComponent[];
}

export interface LkeTemplate {
  code: string;
  version: number;
  components: TemplateComponent[];
}

/** DOMAIN.md: the share of each kind in its component's weight (so they sum to 100). */
const LKE_SUB_COMPONENT_SHARES: Readonly<Record<LkeSubComponentKind, number>> = { keberadaan: 20, kualitas: 30, pemanfaatan: 50 };

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isDecimalText = (v: unknown): v is string => typeof v === 'string' && /^\d{1,3}(\.\d{1,2})?$/.test(v);

/**
 * Reads a `core.lke_templates.content` document and checks what scoring relies on: component
 * weights sum to 100, each component has one keberadaan, kualitas and pemanfaatan sub-component
 * with shares 20 / 30 / 50, every sub-component has criteria, codes
 * are unique, answer types are known. A broken template is a deployment bug (Error → 500), never
 * copied into an evaluation.
 */
export function parseTemplate(code: string, version: number, content: unknown): LkeTemplate {
  const fail = (why: string): never => {
    throw new Error(`LKE template ${code} v${version} is malformed: ${why}`);
  };
  const codes = new Set<string>();
  const uniqueCode = (c: unknown): string => {
    if (!isText(c) || codes.has(c)) fail(`code ${String(c)} is missing or repeated`);
    codes.add(c as string);
    return c as string;
  };
  const components = (content as { components?: unknown } | null)?.components;
  if (!Array.isArray(components) || !components.length) fail('no components');
  const parsed = (components as unknown[]).map((raw): TemplateComponent => {
    const c = raw as Record<string, unknown>;
    if (!isText(c.name) || !isDecimalText(c.weight) || !Array.isArray(c.subComponents) || !c.subComponents.length) fail(`component ${String(c.code)} needs a name, a weight and sub-components`);
    const weight = new D(c.weight as string);
    const subComponents = (c.subComponents as unknown[]).map((rawSub): TemplateSubComponent => {
      const s = rawSub as Record<string, unknown>;
      if (!isText(s.name) || !isDecimalText(s.share) || !(LKE_SUB_COMPONENT_KINDS as readonly unknown[]).includes(s.kind)) fail(`sub-component ${String(s.code)} needs a name, a kind and a share`);
      if (!Array.isArray(s.criteria) || !s.criteria.length) fail(`sub-component ${String(s.code)} has no criteria`);
      const subWeight = weight.mul(s.share as string).div(100);
      if (subWeight.decimalPlaces() > 2) fail(`sub-component ${String(s.code)} weighs ${subWeight.toString()}, more than 2 decimals`);
      return {
        code: uniqueCode(s.code),
        kind: s.kind as LkeSubComponentKind,
        name: s.name as string,
        share: s.share as string,
        weight: subWeight.toFixed(2),
        criteria: (s.criteria as unknown[]).map((rawCriterion): TemplateCriterion => {
          const k = rawCriterion as Record<string, unknown>;
          if (!isText(k.question) || !(LKE_ANSWER_TYPES as readonly unknown[]).includes(k.answerType)) fail(`criterion ${String(k.code)} needs a question and an answer type`);
          return { code: uniqueCode(k.code), question: k.question as string, answerType: k.answerType as LkeAnswerType };
        }),
      };
    });
    // DOMAIN.md: every component splits into keberadaan / kualitas / pemanfaatan = 20 / 30 / 50 %, once each.
    if (subComponents.length !== LKE_SUB_COMPONENT_KINDS.length || new Set(subComponents.map((s) => s.kind)).size !== LKE_SUB_COMPONENT_KINDS.length) {
      fail(`component ${String(c.code)} needs exactly one sub-component of each kind (${LKE_SUB_COMPONENT_KINDS.join(', ')})`);
    }
    for (const s of subComponents) {
      if (!new D(s.share).eq(LKE_SUB_COMPONENT_SHARES[s.kind])) fail(`sub-component ${s.code} (${s.kind}) has share ${s.share}, expected ${LKE_SUB_COMPONENT_SHARES[s.kind]}`);
    }
    return { code: uniqueCode(c.code), name: c.name as string, weight: weight.toFixed(2), subComponents };
  });
  if (!D.sum(...parsed.map((c) => c.weight)).eq(100)) fail('the component weights do not sum to 100');
  return { code, version, components: parsed };
}
