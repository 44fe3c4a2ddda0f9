// The issue's own path through the page: edit the Dockerfile in the editor, build in the terminal, and read the cache
// hits in the build picture.
import { test, assert, run, selectTab, waitForSteps, waitForEditorLine, focusEnd } from '../harness.mjs';

const KEEP = '/tmp/dockyard-test-editor-build';

test('a Dockerfile edited in the editor builds, and the build picture shows the steps before the edit CACHED', async ({ page }) => {
  await run(page, 'cd ~/project');
  await run(page, `cp Dockerfile ${KEEP}`);
  await run(page, `printf 'FROM alpine:3.22\\nWORKDIR /edited\\nCOPY package.json .\\nRUN wc -c package.json\\n' > Dockerfile`);
  await waitForEditorLine(page, 'RUN wc -c package.json');
  await run(page, 'docker build -t edited .', { timeout: 20000 });
  await selectTab(page, 'Build');
  await waitForSteps(page, ['built', 'built', 'built']);

  // Typed in the editor, not the shell: the build must see the editor's text.
  await focusEnd(page);
  await page.keyboard.type('RUN echo from-the-editor');
  await run(page, 'docker build -t edited .', { timeout: 20000 });
  const steps = await waitForSteps(page, ['cached', 'cached', 'cached', 'built']);
  assert(steps[3][0] === '[5/5] RUN echo from-the-editor', `the new step is ${steps[3].join(' | ')}`);

  await run(page, `mv ${KEEP} Dockerfile && docker rmi -f edited >/dev/null`);
  await selectTab(page, 'Images');
});
