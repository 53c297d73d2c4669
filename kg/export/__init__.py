"""Writers of a built graph: RDF files and the HTML view."""
from kg.export.rdf import FORMATS, atomic_write, graph_triples, sorted_triples, write_rdf

__all__ = ["FORMATS", "atomic_write", "graph_triples", "sorted_triples", "write_rdf"]
