# Which changes bust the build cache, and which do not (BuildKit checksums content, names and modes, never mtimes).
docker build --progress=plain -t cache-demo . 2>&1 | grep -E '^#[0-9]+ (\[|CACHED|DONE)' | grep -v internal
docker images --format '{{.ID}}' cache-demo
# Touching a file changes only its mtime: everything stays cached, the image ID is the same.
touch app.txt
docker build --progress=plain -t cache-demo . 2>&1 | grep -E 'CACHED|RUN|COPY'
docker images --format '{{.ID}}' cache-demo
# A change inside an ignored directory is never sent to the builder.
echo more >> logs/run.txt
docker build --progress=plain -t cache-demo . 2>&1 | grep -E 'CACHED|RUN|COPY'
# A mode change is part of the checksum: COPY and what follows it run again.
chmod +x app.txt
docker build --progress=plain -t cache-demo . 2>&1 | grep -E 'CACHED|RUN|COPY|DONE'
# A build arg the Dockerfile does not declare changes nothing.
docker build --progress=plain --build-arg UNUSED=1 -t cache-demo . 2>&1 | grep -E 'CACHED|RUN|COPY'
# A declared ARG with a new value misses the first RUN after it, even one that does not use it.
docker build --progress=plain --build-arg VERSION=2 -t cache-demo . 2>&1 | grep -E 'CACHED|RUN|COPY|version'
docker history --format '{{.CreatedBy}}' cache-demo | head -3
# --no-cache runs every step again.
docker build --progress=plain --no-cache -t cache-demo . 2>&1 | grep -E 'CACHED|RUN|COPY|WORKDIR'
