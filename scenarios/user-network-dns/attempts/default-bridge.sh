# The first thing most people try: both containers on the default bridge (no DNS there).
docker run -d --name mongo mongo
docker run -d --name backend -p 3000:3000 notes-api
sleep 5
docker logs backend
