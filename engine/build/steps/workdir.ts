import type { WorkdirCommand } from '../../dockerfile/instructions/index.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { StageState } from '../stage-state.ts';
import { resolveUser } from '../user.ts';
import type { LayerOp } from './layer-step.ts';
import { workdirPath } from './metadata.ts';

/**
 * WORKDIR sets the working directory and, for anything but `/`, is a mkdir operation: it makes a layer (empty when
 * the directory exists already), owned by the stage's USER as BuildKit creates it.
 */
export function workdirStep(st: StageState, cmd: WorkdirCommand, nowSeconds: () => number): LayerOp | undefined {
  const path = workdirPath(st, cmd.path, cmd.startLine);
  st.config.WorkingDir = path;
  if (path === '/') {
    st.history.push({ createdBy: `WORKDIR ${path}`, emptyLayer: true, comment: 'buildkit.dockerfile.v0' });
    return undefined;
  }
  const user = st.config.User ?? '';
  return {
    kind: 'mkdir',
    text: `WORKDIR ${path}`,
    line: cmd.startLine,
    definition: { path, user },
    history: `WORKDIR ${path}`,
    async execute(root) {
      const fs = new TreeFs(root, nowSeconds);
      if (fs.exists(path)) return root;
      const { uid, gid } = resolveUser(root, user);
      const made: string[] = [];
      for (let p = path; p !== '/' && !fs.exists(p); p = p.slice(0, p.lastIndexOf('/')) || '/') made.push(p);
      fs.mkdir(path, { recursive: true, mode: 0o755 });
      for (const p of made) fs.chown(p, uid, gid);
      return fs.root;
    },
  };
}
