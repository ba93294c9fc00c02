package app.chorus.directory.internal.oneroster;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.RosterFileSet;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** A carer's role in the roster (parent, guardian, relative) stays on each child of their directory document. */
class CarerKeepsTheirRelationshipFromTheRosterTests {

    @Test
    void aGuardianIsRecordedAsTheGuardianOfEachChildAndAParentAsAParent() {
        RosterFileSet files = RosterFileSet.demoTrust()
            .edit("roles.csv", csv -> csv.replaceAll("(,car-000001,primary,)parent,", "$1guardian,"));
        Roster roster = DataManagerImportsAnExportAsItsMisWroteItTests.read(files).roster();
        List<Document> people = new RosterDocuments(roster, RosterDocuments.Scope.of(roster)).people().toList();

        assertThat(childrenOf(people, "car-000001")).hasSize(2)
            .allSatisfy(child -> assertThat(child.getString("relationship")).isEqualTo("guardian"));
        assertThat(people.stream().filter(p -> p.getString("kind").equals("carer") && !p.getString("_id").equals("car-000001")))
            .flatExtracting(p -> p.getList("children", Document.class))
            .extracting(child -> child.getString("relationship"))
            .containsOnly("parent", "guardian")
            .contains("parent");
    }

    private static List<Document> childrenOf(List<Document> people, String carer) {
        return people.stream().filter(p -> p.getString("_id").equals(carer)).findFirst().orElseThrow().getList("children", Document.class);
    }
}
