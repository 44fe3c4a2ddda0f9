# DOCKER_BUILDKIT=0 makes docker/cli build with the legacy builder, as older tutorials show: every instruction is
# a step that commits an image, and the pull of a missing base image prints as docker pull does.
DOCKER_BUILDKIT=0 docker build -t legacy-demo .
# Nothing changed: each step finds the image it committed last time.
DOCKER_BUILDKIT=0 docker build -t legacy-demo .
# Those intermediate images stay, untagged, as the cache; only -a lists them.
docker images
docker images -a --format '{{.Repository}}:{{.Tag}}'
docker history --no-trunc --format '{{.CreatedBy}}' legacy-demo
# The legacy builder keys a step on its parent image and its own config: a new LABEL at the top reruns every
# step after it, the RUN included.
sed -i 's/version="1"/version="2"/' Dockerfile
DOCKER_BUILDKIT=0 docker build -t legacy-demo .
# BuildKit keys the RUN on its command, environment and input files only: the same edit leaves it cached.
docker build --progress=plain -t buildkit-demo . 2>&1 | grep -E '^#[0-9]+ (\[|CACHED)'
sed -i 's/version="2"/version="3"/' Dockerfile
docker build --progress=plain -t buildkit-demo . 2>&1 | grep -E '^#[0-9]+ (\[|CACHED)'
# A RUN that fails ends the build, and docker exits with the command's own status.
printf 'FROM alpine:3.22\nRUN echo checking && exit 3\n' > Dockerfile.fails
DOCKER_BUILDKIT=0 docker build -f Dockerfile.fails .
echo $?
# buildx's flags are not the legacy client's.
DOCKER_BUILDKIT=0 docker build --progress=plain .
