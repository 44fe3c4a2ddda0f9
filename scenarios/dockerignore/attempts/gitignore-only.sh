# Mistake: trusts .gitignore to keep .env, node_modules and the logs out; Docker never reads it
cat .gitignore
docker build -t shop-api .
docker run -d --name shop -p 3000:3000 -e PAYMENT_API_KEY=sk_live_51Hq8DockyardExampleKeyDoNotShip shop-api
curl -s localhost:3000/
