import { describe, expect, it } from 'vitest';
import { type PublicField, checkAll, checkField, serverProblem, submission } from '../src/screens/customer/publicForm';
import { addOwnMessage, initialState, lastSeq, reduce, waitIsLong } from '../src/widget/chat';

const field = (f: Partial<PublicField>): PublicField => ({ id: 'x', name: { fa: 'x', en: 'x' }, type: 'text', required: false, privacy: 'public', ...f });

describe('web form validation mirrors the server', () => {
  it('asks for required fields and lets optional ones be empty', () => {
    expect(checkField(field({ required: true }), '   ')).toEqual({ code: 'required' });
    expect(checkField(field({}), '')).toBeNull();
  });

  it('reads Persian digits in numbers, phones, VINs and dates', () => {
    expect(checkField(field({ type: 'number' }), '۱۲۳')).toBeNull();
    expect(checkField(field({ type: 'phone' }), '۰۹۱۲ ۳۴۵ ۶۷۸۹')).toBeNull();
    expect(checkField(field({ type: 'date' }), '۱۴۰۵/۰۱/۱۵')).toBeNull();
    expect(checkField(field({ type: 'vin' }), 'nlaa1234567890123')).toBeNull();
  });

  it('refuses what the server refuses', () => {
    expect(checkField(field({ type: 'number' }), '12a')?.code).toBe('number');
    expect(checkField(field({ type: 'email' }), 'sara@')?.code).toBe('email');
    expect(checkField(field({ type: 'vin' }), 'NLAA123456789012I')?.code).toBe('vin');
    expect(checkField(field({ type: 'choice', choices: ['a', 'b'] }), 'c')?.code).toBe('choice');
    expect(checkField(field({ max_length: 3 }), 'سلام')).toEqual({ code: 'maxLength', n: 3 });
    expect(checkField(field({ min_length: 2 }), 'a')).toEqual({ code: 'minLength', n: 2 });
    expect(checkField(field({ type: 'number', pattern: '[0-9]{10}' }), '123')?.code).toBe('pattern');
  });

  it('reports every field at once and sends only normalised, filled fields', () => {
    const fields = [field({ id: 'a', required: true }), field({ id: 'vin', type: 'vin' }), field({ id: 'c' })];
    expect(Object.keys(checkAll(fields, { vin: 'x' }))).toEqual(['a', 'vin']);
    expect(submission(fields, { a: ' hi ', vin: 'nlaa1234567890123', c: '' })).toEqual({ a: 'hi', vin: 'NLAA1234567890123' });
  });

  it("turns the server's 422 messages into the same problems", () => {
    expect(serverProblem('is required')).toEqual({ code: 'required' });
    expect(serverProblem('must be a 17-character VIN')).toEqual({ code: 'vin' });
    expect(serverProblem('must be at most 2000 characters')).toEqual({ code: 'maxLength', n: 2000 });
    expect(serverProblem('is not a phone number we can call')).toEqual({ code: 'phone' });
    expect(serverProblem('is not asked for on this form')).toEqual({ code: 'server' });
  });
});

describe('the chat widget follows the server frames', () => {
  it('waits with position and estimate, then talks with the agent', () => {
    let s = reduce(initialState(), { type: 'accepted', chat_token: 'tok', interaction: 'I-000001' });
    expect(s.phase).toBe('waiting');
    s = reduce(s, { type: 'queue', position: 3, ewt_s: 200 });
    expect([s.position, s.ewt]).toEqual([3, 200]);
    expect(waitIsLong(s, 60)).toBe(true);
    expect(waitIsLong(s, 300)).toBe(false);
    s = reduce(s, { type: 'agent_joined', agent: 'Ali' });
    expect(s.phase).toBe('chatting');
    expect(waitIsLong(s, 60)).toBe(false);
    s = addOwnMessage(s, 'سلام', 'c1');
    s = reduce(s, { type: 'ack', seq: 1, id: 'c1' });
    s = reduce(s, { type: 'typing', from: 'agent' });
    expect(s.agentTyping).toBe(true);
    s = reduce(s, { type: 'message', seq: 2, from: 'agent', text: 'در خدمتم' });
    expect(s.agentTyping).toBe(false);
    expect(s.messages.map((m) => [m.seq, m.from])).toEqual([
      [1, 'customer'],
      [2, 'agent'],
    ]);
    expect(lastSeq(s)).toBe(2);
    s = reduce(s, { type: 'ended', outcome: 'handled' });
    expect([s.phase, s.outcome, s.hadAgent]).toEqual(['ended', 'handled', true]);
  });

  it('does not show a message twice when the transcript and the resume overlap', () => {
    let s = reduce(initialState(), { type: 'accepted', chat_token: 't', interaction: 'I-1' });
    s = reduce(s, { type: 'message', seq: 2, from: 'agent', text: 'a' });
    s = reduce(s, { type: 'transcript', messages: [{ seq: 1, from: 'customer', text: 'q' }, { seq: 2, from: 'agent', text: 'a' }] });
    s = reduce(s, { type: 'resumed', interaction: 'I-1', state: 'active', messages: [{ seq: 3, from: 'agent', text: 'b' }] });
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(s.phase).toBe('chatting');
    expect(s.notice).toBe('reconnected');
  });

  it('goes back to the start form with field problems when the start is refused', () => {
    const s = reduce({ ...initialState(), phase: 'connecting' }, { type: 'error', code: 'invalid_fields', fields: { phone: 'is not a phone number' } });
    expect(s.phase).toBe('start');
    expect(s.fieldErrors).toEqual({ phone: 'is not a phone number' });
  });
});
