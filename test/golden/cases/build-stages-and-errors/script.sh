# Only the stages the target needs are built: the busybox stage is never even resolved.
docker build --progress=plain -t multi .
# --target stops at a stage; everything it needs is already cached.
docker build --progress=plain --target build -t multi:build . 2>&1 | grep -E '^#[0-9]+ \[|CACHED|naming'
docker build --target nope .
docker build nowhere
docker build -f Missing.Dockerfile .
docker build -t Bad:Tag .
printf 'FROM alpine:3.22\nWORKDIR /app\nCOPY missing.txt .\n' > Dockerfile.missing
docker build --progress=plain -f Dockerfile.missing . 2>&1 | tail -9
printf 'FROM alpine:3.22\nRUNN echo hi\n' > Dockerfile.typo
docker build -f Dockerfile.typo .
echo $?
printf 'FROM alpine:3.22\nRUN echo about to fail && ls /nowhere\n' > Dockerfile.fails
docker build --progress=plain -f Dockerfile.fails . 2>&1 | tail -16
docker build -q .
docker buildx du
docker system df
docker builder prune -f
docker system df
printf "FROM alpine:3.22\nRUN echo from stdin\n" | docker build --progress=plain - 2>&1 | grep -E "stdin|definition|transferring"
