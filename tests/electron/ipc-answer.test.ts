import { afterEach, describe, expect, it } from 'vitest';
import { answerIpcCall } from '../../main/electron/ipc-answer';
import { createDispatcher } from '../../main/transport/dispatcher';
import { testApp } from '../support/test-app';

const apps: { close(): void }[] = [];
afterEach(() => apps.splice(0).forEach((app) => app.close()));

function dispatcher() {
  const app = testApp();
  apps.push(app);
  return createDispatcher(app, () => undefined);
}

describe('answerIpcCall', () => {
  it("serves the app's own page through the real dispatcher", () => {
    const answer = answerIpcCall(dispatcher(), true, 'cycle:list', {});
    expect(answer).toEqual({ ok: true, value: [] });
  });

  it('refuses an untrusted sender without running the method', () => {
    const dispatch = dispatcher();
    const answer = answerIpcCall(dispatch, false, 'cycle:loadSample', {});
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused/) } });
    expect(dispatch('cycle:list', {})).toEqual({ ok: true, value: [] });
  });

  it('answers malformed calls as data', () => {
    const dispatch = dispatcher();
    expect(answerIpcCall(dispatch, true, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(answerIpcCall(dispatch, true, 'cycle:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(answerIpcCall(dispatch, true, 'cycle:get', { id: 7 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
