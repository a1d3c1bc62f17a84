"""Dashboard: takings, MRR and open disputes at a glance, with its charts."""
