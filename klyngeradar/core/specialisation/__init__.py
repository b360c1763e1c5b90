"""Specialisation: where the region's jobs are, per business and technology area.

Employment by municipality and industry (Statistics Denmark, DB07) is read and
checked whole (`employment`), the areas are mapped to industries (`mapping`),
and the location quotient of each area is computed for the region and each
municipality (`quotients`). Spec: specialisation.md.

Layer order inside core: shared ground -> registry -> specialisation ->
{strategy, reports}. Specialisation imports only the shared ground and registry.
"""
