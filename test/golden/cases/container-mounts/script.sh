# What a container writes survives only where a volume or bind mount is; the rest goes with the container.
docker run --name scratch alpine sh -c 'echo lost > /notes.txt'
docker rm scratch
docker run --rm alpine cat /notes.txt
docker run --rm -v notes:/data alpine sh -c 'echo kept > /data/notes.txt; ls -l /data'
docker run --rm -v notes:/data alpine cat /data/notes.txt
docker volume ls
# Copy-up: an empty volume gets the image's files (and the directory's owner) the first time it is mounted.
docker run --rm -v site:/usr/share/nginx/html nginx ls /usr/share/nginx/html
docker run --rm -v site:/srv alpine ls /srv
docker run --rm -v dbdata:/data/db mongo ls -ld /data/db
docker run --rm --mount type=volume,src=empty,dst=/usr/share/nginx/html,volume-nocopy nginx ls /usr/share/nginx/html
# Bind mounts: the host directory, both ways; -v creates a missing one (as root), --mount refuses.
mkdir site && echo '<h1>hello</h1>' > site/index.html
docker run --rm -v ./site:/usr/share/nginx/html nginx cat /usr/share/nginx/html/index.html
docker run --rm -v "$PWD/site":/web alpine sh -c 'echo added > /web/extra.txt'
cat site/extra.txt
docker run --rm -v /home/student/project/made:/x alpine true
ls -ld made
docker run --rm --mount type=bind,src=/home/student/project/missing,dst=/x alpine true
docker run --rm -v ./site:/web:ro alpine sh -c 'echo no > /web/x'
docker run --rm --tmpfs /scratch alpine sh -c 'echo t > /scratch/a; cat /scratch/a'
# Image VOLUMEs become anonymous volumes, one set per container; rm -v and --rm remove them, named ones stay.
docker create --name m1 mongo
docker create --name m2 -v dbdata:/data/db mongo
docker volume ls
docker volume rm dbdata
docker rm -v m1 m2
docker volume ls
docker run --rm -v /anon alpine true
docker run --name keeper -v /anon alpine true
docker volume ls -q | wc -l
docker volume prune -f
docker rm keeper
docker volume prune -f
docker volume ls
# Mistakes and their messages.
docker run --rm -v :/x alpine true
docker run --rm -v data:relative alpine true
docker run --rm -v rel/dir:/x alpine true
docker run --rm -v /a:/b:zz alpine true
docker run --rm -v data:/ alpine true
docker run --rm -v a:/x -v b:/x alpine true
docker run --rm --mount type=volume,dst=/x,bogus=1 alpine true
docker run --rm --mount src=data alpine true
docker run --rm --mount type=magic,dst=/x alpine true
docker run --rm --mount type=volume,dst=/x,readonly alpine true
