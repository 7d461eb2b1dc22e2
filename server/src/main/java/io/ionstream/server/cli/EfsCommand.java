package io.ionstream.server.cli;

import io.ionstream.engine.io.LineReader;
import io.ionstream.engine.io.mlip.EfsReport;
import io.ionstream.engine.io.mlip.MlipCfgReader;
import io.ionstream.engine.io.mlip.MlipConfiguration;
import io.ionstream.engine.io.mlip.MlipSpecies;
import io.ionstream.engine.potential.mtp.MtpEvaluator;
import io.ionstream.engine.potential.mtp.MtpModel;
import io.ionstream.engine.potential.mtp.MtpPotential;
import io.ionstream.engine.potential.mtp.MtpReader;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/ionstream efs <potential> <configs.cfg>}: energies, site energies, forces and
 * PlusStress of every configuration with an MTP, in the text format of MLIP's golden files
 * ({@link EfsReport}), so that the output can be diffed against MLIP's own.
 */
final class EfsCommand implements Command {
    @Override public String name() { return "efs"; }

    @Override public String summary() { return "MTP energies, site energies, forces, stresses of .cfg configurations (MLIP golden format)"; }

    @Override
    public String help() {
        return """
            Usage: bin/ionstream efs <potential.mtp|.almtp|.als> <configs.cfg> [--species Li,P,S,Cl] [--json]

            Evaluates a Moment Tensor Potential on every configuration of an MLIP .cfg file and prints, per
            configuration:
              CFG k natoms N
              ENERGY E
              REF_ENERGY Eref                          (when the .cfg carries an energy)
              ATOM id type t site_en Vi F fx fy fz     (one line per atom, file order)
              STRESS(xx yy zz yz xz xy, ...) ...       (MLIP PlusStress: the virial in eV, W = -dE/dstrain)
            with C's %.17g, exactly the golden_*.txt format of ../shared/mtp-reference: diff it against MLIP.

            Species: MLIP types are 0-based indices (the order of the potential's radial blocks). --species
            names them in that order (index 0 is the first symbol); without it they are named type0, type1 ...
            The numbers do not depend on the names.

            Options:
              --species LIST   element symbols for MLIP types 0, 1, ... (at most the potential's species count)
              --json           one JSON object per configuration instead of the text format

            Example:
              bin/ionstream efs ../shared/mtp-reference/TaCrVW_MIT/pot.mtp ../shared/mtp-reference/TaCrVW_MIT/test_dft_first5.cfg
            """;
    }

    @Override public Set<String> valueOptions() { return Set.of("species"); }

    @Override
    public int run(Args args, Console console) throws Exception {
        Path potFile = Args.existingFile(args.positional(0, "potential file (.mtp, .almtp or .als)"), "potential");
        Path cfgFile = Args.existingFile(args.positional(1, "configuration file (.cfg)"), "configurations");
        if (args.positionals().size() > 2) throw new UsageException("unexpected argument '" + args.positionals().get(2) + "'");
        MtpReader.MtpFile file = MtpReader.read(potFile);
        MtpModel model = file.model();
        model.requireTrained(potFile.toString());
        MlipSpecies species;
        if (args.has("species")) {
            try {
                species = MlipSpecies.parse(args.string("species", ""));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--species: " + e.getMessage());
            }
            if (species.size() > model.speciesCount()) {
                throw new UsageException("--species names " + species.size() + " species but " + potFile.getFileName()
                    + " has " + model.speciesCount());
            }
        } else {
            species = MlipSpecies.unnamed(model.speciesCount());
            console.info("efs: species named by index (" + species.describe() + "); --species Li,P,S,Cl names them");
        }
        MtpEvaluator eval = new MtpEvaluator(new MtpPotential(model, species));
        MlipCfgReader reader = new MlipCfgReader(species);
        PrintStream out = console.out();
        boolean json = args.flag("json");
        int index = 0;
        try (BufferedReader r = Files.newBufferedReader(cfgFile, StandardCharsets.UTF_8)) {
            LineReader in = new LineReader(r, cfgFile.toString());
            MlipConfiguration cfg;
            StringBuilder sb = new StringBuilder(1 << 16);
            while ((cfg = reader.next(in)) != null) {
                EfsReport.Block b = eval.report(index, cfg);
                if (json) {
                    console.json(toMap(b));
                } else {
                    sb.setLength(0);
                    EfsReport.write(sb, b);
                    out.print(sb);
                }
                index++;
            }
        }
        out.flush();
        if (index == 0) {
            console.err().println("ionstream efs: " + cfgFile + " contains no configuration");
            return Main.FAILED;
        }
        return Main.OK;
    }

    private static Map<String, Object> toMap(EfsReport.Block b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cfg", b.index());
        m.put("natoms", b.atoms());
        m.put("energy", b.energy());
        if (!Double.isNaN(b.refEnergy())) m.put("ref_energy", b.refEnergy());
        List<Map<String, Object>> atoms = new ArrayList<>();
        for (int i = 0; i < b.atoms(); i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", b.ids()[i]);
            a.put("type", b.types()[i]);
            a.put("site_energy", b.siteEnergies()[i]);
            a.put("force", List.of(b.forces()[3 * i], b.forces()[3 * i + 1], b.forces()[3 * i + 2]));
            atoms.add(a);
        }
        m.put("atoms", atoms);
        m.put("plus_stress_xx_yy_zz_yz_xz_xy", List.of(b.plusStress()[0], b.plusStress()[1], b.plusStress()[2],
            b.plusStress()[3], b.plusStress()[4], b.plusStress()[5]));
        return m;
    }
}
