# Another image, docker restart instead of stop + start, and files moved with docker cp.
echo "day one" > note.txt
docker run -d --name diary ubuntu sleep infinity
docker cp note.txt diary:/note.txt
docker restart diary
docker exec diary cat /note.txt > note-backup.txt
docker run -d --name scratch ubuntu sleep infinity
docker cp note.txt scratch:/note.txt
docker container rm --force scratch
docker run -d --name scratch ubuntu sleep infinity
docker exec scratch ls /
