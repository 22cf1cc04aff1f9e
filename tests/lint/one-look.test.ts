import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/resource-paths';

/**
 * One look everywhere (issue 17, item 10): a screen that draws its own button kind, tick box,
 * radio, table or inline notice is a lint error; the shared components in renderer/components/ui
 * are where those classes live.
 */
const eslint = new ESLint({ cwd: repoRoot });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.message);
}

const screen = 'renderer/features/example/ExampleScreen.tsx';

describe('one look on every screen', () => {
  it('refuses a hand-made button kind, tick box, radio, table, inline notice or form field on a screen', async () => {
    const cases: [string, RegExp][] = [
      ['<button type="button" className="button button--primary">Save</button>', /Use <Button kind=/],
      ['<button type="button" className={busy ? "button" : "button button--danger"}>Delete</button>', /Use <Button kind=/],
      ['<button type="button" className="link-button">Open</button>', /Use <Button kind=/],
      ['<input type="checkbox" checked={true} onChange={() => undefined} />', /<RadioGroup> or <Toggle>/],
      ['<input type="radio" name="side" />', /<RadioGroup> or <Toggle>/],
      ['<table className="table table--compact"><tbody /></table>', /Use <DataTable>/],
      ['<p className="form__alert" role="alert">No.</p>', /Use <InlineNotice/],
      ['<label className="field"><span>Name</span><input type="text" /></label>', /Use <Field label=/],
    ];
    for (const [element, message] of cases) {
      const code = `export function ExampleScreen({ busy }: { busy: boolean }) {\n  void busy;\n  return ${element};\n}\n`;
      const found = await problems(screen, code);
      expect({ element, refused: found.length > 0 && found.every((problem) => message.test(problem)) }).toEqual({ element, refused: true });
    }
  });

  it('lets the shared components, and a screen using them, draw them', async () => {
    const button = 'export function Button() {\n  return <button type="button" className="button button--primary" />;\n}\n';
    expect(await problems('renderer/components/ui/Button.tsx', button)).toEqual([]);
    const using =
      "import { Button } from '../../components/ui/Button';\n" +
      'export function ExampleScreen() {\n  return <Button kind="primary" className="show-more">More</Button>;\n}\n';
    expect(await problems(screen, using)).toEqual([]);
  });
});
