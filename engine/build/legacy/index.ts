/** The legacy builder (`DOCKER_BUILDKIT=0 docker build`): moby's classic Dockerfile builder over the image store. */
export { runLegacyBuild, LegacyBuildFailure, type LegacyBuildRequest, type LegacyBuildResult, type LegacyEnv } from './builder.ts';
export { loadLegacyContext, type LegacyContext, type LegacyContextOptions } from './context.ts';
export { probeCache, childrenOf, containerConfigOf } from './cache.ts';
export { LegacyBuildError } from './errors.ts';
