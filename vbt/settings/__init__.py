"""Settings package: base (shared), dev, test and production.

Every value that differs between deployments comes from an environment variable read in
`vbt.settings.env`, each with a default and a help text, so this package documents the deployment.
"""
