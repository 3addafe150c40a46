import { describe, expect, it } from 'vitest';
import { todaysFigures } from '../src/screens/agent/figures';
import { emptyDesk, reduce, type LiveEvent } from '../src/screens/agent/model';
import { defaultSurvey } from '../src/widget/view';

let seq = 0;
function ev(type: string, data: Record<string, unknown>, at: string): LiveEvent {
  return { seq: ++seq, type, at, data };
}

describe('agent desk: CSAT so far', () => {
  const now = Date.parse('2026-11-22T12:00:00.000Z');

  it('averages today\'s survey answers about my chats, once per contact', () => {
    const s = [
      ev('survey_answered', { contact: 'I-1', csat: 5, nps: 9 }, '2026-11-22T09:00:00.000Z'),
      ev('survey_answered', { contact: 'I-2', csat: 4 }, '2026-11-22T10:00:00.000Z'),
      ev('survey_answered', { contact: 'I-2', csat: 1 }, '2026-11-22T10:00:01.000Z'), // a replay
      ev('survey_answered', { contact: 'I-3', nps: 10 }, '2026-11-22T11:00:00.000Z'), // no CSAT question
    ].reduce((acc, e) => reduce(acc, e, now), emptyDesk());
    const f = todaysFigures(s.handled, now, 'Asia/Tehran', s.surveys);
    expect(f.csat).toBe(4.5);
    expect(f.csatCount).toBe(2);
  });

  it('does not count yesterday\'s answers (Tehran days) and shows none without answers', () => {
    const s = reduce(emptyDesk(), ev('survey_answered', { contact: 'I-9', csat: 2 }, '2026-11-21T19:00:00.000Z'), now);
    expect(todaysFigures(s.handled, now, 'Asia/Tehran', s.surveys)).toMatchObject({ csat: null, csatCount: 0 });
    expect(todaysFigures([], now).csat).toBeNull();
  });
});

describe('chat widget: survey', () => {
  it('asks CSAT, NPS and a comment when the strategy has no chat survey', () => {
    const qs = defaultSurvey((k) => `<${k}>`);
    expect(qs.map((q) => [q.id, q.scale])).toEqual([
      ['csat', 'csat'],
      ['nps', 'nps'],
      ['comment', 'free_text'],
    ]);
    expect(qs[0].prompt.fa).toBe('<customer.widget.survey.csat>');
  });
});
