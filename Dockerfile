# The Dyad API and loader, for docker-compose (Neo4j runs from the official image there).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schema ./schema
COPY queries ./queries
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
RUN pip install --no-cache-dir .
ENV DYAD_HOST=0.0.0.0 DYAD_PORT=8000
EXPOSE 8000
CMD ["dyad", "serve"]
