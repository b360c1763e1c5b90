"""Registry: reference data (programme, areas, clusters, actors), landscape, geography, CVR.

Layer order inside core (arrows point one way, lower never imports higher):
shared ground (problems, numbers, dates, tables) -> registry -> surveys ->
{findings, strategy, agreements} -> reports. Registry imports only the shared ground.
"""
