"""Dyad's GraphQL API: the schema and its spec-clean HTTP endpoint."""

from api.graphql.http import GraphQLEndpoint
from api.graphql.schema import build_schema

__all__ = ["GraphQLEndpoint", "build_schema"]
