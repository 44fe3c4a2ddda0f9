# docker diff, cp and commit work on the container's writable layer (its mounts are not part of it)
docker pull -q alpine
docker run --name box -v data:/data alpine sh -c 'mkdir -p /app/sub && echo hi > /app/sub/f && echo x >> /etc/motd && rm /etc/os-release && echo v > /data/v'
docker diff box
docker cp box:/app/sub/f x
cat x
docker cp box:/app .
ls -R app
docker cp box:/app/. copied
ls copied
docker cp box:/data/v volume-file
cat volume-file
docker cp box:/nope .
docker cp box:/app/sub/f/ y
docker cp box:/app x
echo local > local.txt
docker cp local.txt box:/tmp/
docker cp local.txt box:/missing/
docker cp nope box:/tmp
docker diff box
docker commit -m "add app" -a "Ann <ann@example.com>" -c 'CMD ["cat", "/tmp/local.txt"]' -c 'ENV MODE=prod' box myapp:v1
docker images
docker history myapp:v1
docker run --rm myapp:v1
docker run --rm myapp:v1 sh -c 'echo $MODE; cat /app/sub/f'
docker commit -c 'RUN true' box
