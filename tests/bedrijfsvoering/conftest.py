import pytest

from tests.bedrijfsvoering.servers import ServerDatabase


@pytest.fixture
def server_db(transactional_db, tmp_path):
    """The test database for a server process (committed data: transactional_db)."""
    database = ServerDatabase(tmp_path)
    yield database
    database.wacht_tot_los()
