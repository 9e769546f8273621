import { describe, expect, it } from 'vitest';
import { parseQuestionsFiles } from './parse-questions.js';

const q = (id: string, body = '', type = 'binaire') => `# ${id} ?\n\`\`\`yaml\nid: ${id}\ntype: ${type}\n\`\`\`\n${body}`;
const parse = (content: string) => parseQuestionsFiles([{ path: 'q.md', content }]);

describe('parseQuestions : visibilité (exprVisible de HEAD)', () => {
  it('lit le bloc formule de ## Visibilité, avec sa position', () => {
    const r = parse(`${q('AOM_1')}\n${q('AOM_2', '## Visibilité\n```formule\nsi reponse(AOM_1, NON) alors VRAI\n```\n', 'proportion')}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.questions[0]!.visibilite).toBeNull();
    expect(r.questions[1]!.visibilite).toMatchObject({ formule: 'si reponse(AOM_1, NON) alors VRAI', formulePosition: { file: 'q.md', line: 14, column: 1 } });
    expect(r.questions[1]!.visibilite!.ast).not.toBeNull();
  });

  it("garde le texte d'une fonction que notre langage n'a pas encore, avec un avertissement", () => {
    const r = parse(q('x', '## Visibilité\n```formule\nest_labellise(te)\n```\n'));
    expect(r.questions[0]!.visibilite).toMatchObject({ formule: 'est_labellise(te)', ast: null });
    expect(r.diagnostics).toMatchObject([{ code: 'question-visibilite-non-lue', severity: 'warning', position: { file: 'q.md', line: 8 } }]);
  });

  it("avertit d'une identité inconnue, refuse une question inconnue ou une syntaxe illisible", () => {
    const r = parse(`${q('a', '## Visibilité\n```formule\nidentite(region_inconnue, OUI)\n```\n')}\n${q('b', '## Visibilité\n```formule\nreponse(inconnue, OUI)\n```\n')}\n${q('c', '## Visibilité\n```formule\nsi alors\n```\n')}`);
    expect(r.questions).toHaveLength(3);
    expect(r.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['error:question-visibilite-invalide', 'warning:question-visibilite-non-lue', 'error:formule-question-inconnue']);
  });
});
