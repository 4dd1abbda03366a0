/* 领导驾驶舱: draws the charts from the figures the page carries in data-dashboard (no inline script, CSP). */
(function () {
    'use strict';
    var board = document.querySelector('[data-dashboard]');
    if (!board || typeof echarts === 'undefined') {
        return;
    }
    var d = JSON.parse(board.getAttribute('data-dashboard'));
    var t = JSON.parse(board.getAttribute('data-labels') || '{}');
    var screen = board.getAttribute('data-screen') === 'true';
    var LIGHTS = ['RED', 'YELLOW', 'GREEN', 'DONE'];
    var COLORS = {RED: '#c92a2a', YELLOW: '#f0a202', GREEN: '#2f9e44', DONE: '#1c7ed6'};
    var font = screen ? 16 : 12;
    var charts = [];

    function tally(l, light) {
        return l[light.toLowerCase()];
    }

    function chart(name, height) {
        var el = board.querySelector('[data-chart="' + name + '"]');
        if (!el) {
            return null;
        }
        if (height) {
            el.style.height = height + 'px';
        }
        var c = echarts.init(el, screen ? 'dark' : null, {renderer: 'canvas'});
        charts.push(c);
        return c;
    }

    function base() {
        return {
            backgroundColor: 'transparent',
            textStyle: {fontSize: font},
            tooltip: {trigger: 'item', confine: true},
            legend: {top: 0, textStyle: {fontSize: font}},
            grid: {left: 8, right: 16, top: 32, bottom: 8, containLabel: true}
        };
    }

    function stackedBars(name, rows, labelOf, onClick) {
        var c = chart(name, Math.max(220, rows.length * (screen ? 34 : 28) + 70));
        if (!c) {
            return;
        }
        var o = base();
        o.tooltip = {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true};
        o.yAxis = {type: 'category', inverse: true, data: rows.map(labelOf),
            axisLabel: {fontSize: font, width: screen ? 180 : 96, overflow: 'truncate'}};
        o.xAxis = {type: 'value', minInterval: 1, axisLabel: {fontSize: font}};
        o.series = LIGHTS.map(function (light) {
            return {name: t[light], type: 'bar', stack: 'all', color: COLORS[light], barMaxWidth: 22,
                data: rows.map(function (r) { return tally(r.lights, light); })};
        });
        c.setOption(o);
        if (onClick) {
            c.on('click', function (p) { onClick(rows[p.dataIndex]); });
            c.getZr().on('click', function (e) {
                var point = [e.offsetX, e.offsetY];
                if (c.containPixel('grid', point)) {
                    var index = c.convertFromPixel({seriesIndex: 0}, point)[1];
                    if (rows[index]) {
                        onClick(rows[index]);
                    }
                }
            });
        }
    }

    function drill(row) {
        if (row.self) {
            return;
        }
        var url = new URL(window.location.href);
        url.searchParams.set('unitId', row.unitId);
        window.location.assign(url.toString());
    }

    function donut() {
        var c = chart('donut');
        if (!c) {
            return;
        }
        var o = base();
        o.series = [{type: 'pie', radius: ['45%', '70%'], center: ['50%', '58%'], avoidLabelOverlap: true,
            label: {formatter: '{b}\n{c}', fontSize: font},
            data: LIGHTS.map(function (light) {
                return {name: t[light], value: tally(d.lights, light), itemStyle: {color: COLORS[light]}};
            })}];
        o.title = {text: String(d.lights.total), subtext: t.tasks, left: 'center', top: '48%',
            textStyle: {fontSize: screen ? 28 : 20}, subtextStyle: {fontSize: font}};
        c.setOption(o);
    }

    function trend() {
        var c = chart('trend');
        if (!c) {
            return;
        }
        var points = d.trend;
        var o = base();
        o.tooltip = {trigger: 'axis', confine: true};
        o.xAxis = {type: 'category', data: points.map(function (p) { return p.name.replace(/^\d{4}年/, ''); }),
            axisLabel: {fontSize: font}};
        o.yAxis = [{type: 'value', minInterval: 1, axisLabel: {fontSize: font}},
            {type: 'value', min: 0, max: 100, axisLabel: {fontSize: font, formatter: '{value}%'}, splitLine: {show: false}}];
        o.series = ['RED', 'YELLOW', 'GREEN'].map(function (light) {
            return {name: t[light], type: 'line', color: COLORS[light], smooth: true,
                data: points.map(function (p) { return tally(p.lights, light); })};
        }).concat([
            {name: t.progress, type: 'line', yAxisIndex: 1, color: '#5f3dc4', lineStyle: {type: 'dashed'},
                data: points.map(function (p) { return p.progress; })},
            {name: t.onTimeRate, type: 'line', yAxisIndex: 1, color: '#0b7285', lineStyle: {type: 'dotted'},
                data: points.map(function (p) {
                    return p.due && p.expected > 0 ? Math.round(p.onTime * 1000 / p.expected) / 10 : null;
                })}
        ]);
        o.legend.type = 'scroll';
        o.grid.top = screen ? 44 : 36;
        c.setOption(o);
    }

    function heatmap() {
        var h = d.heatmap;
        var c = chart('heatmap', Math.max(220, h.units.length * (screen ? 34 : 28) + 110));
        if (!c) {
            return;
        }
        var max = h.cells.reduce(function (m, cell) { return Math.max(m, cell[2]); }, 1);
        var o = base();
        o.tooltip = {confine: true, formatter: function (p) {
            return h.units[p.value[1]] + ' · ' + h.categories[p.value[0]] + '<br>' + t.red + ' ' + p.value[2] + ' / ' + p.value[3];
        }};
        o.grid.bottom = 56;
        o.xAxis = {type: 'category', data: h.categories, splitArea: {show: true},
            axisLabel: {fontSize: font, interval: 0, rotate: window.innerWidth < 576 ? 40 : 0}};
        o.yAxis = {type: 'category', inverse: true, data: h.units, splitArea: {show: true},
            axisLabel: {fontSize: font, width: screen ? 180 : 96, overflow: 'truncate'}};
        o.visualMap = {dimension: 2, min: 0, max: max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
            itemHeight: 80, textStyle: {fontSize: font}, inRange: {color: ['#fff5f5', '#ffa8a8', '#c92a2a']}};
        o.series = [{type: 'heatmap', data: h.cells, label: {show: true, fontSize: font,
            formatter: function (p) { return p.value[2]; }}}];
        c.setOption(o);
        c.on('click', function (p) {
            drill({unitId: h.unitIds[p.value[1]], self: h.unitIds[p.value[1]] === d.unit.id});
        });
    }

    donut();
    trend();
    stackedBars('category', d.byCategory, function (r) { return r.category; }, null);
    stackedBars('unit', d.byUnit, function (r) { return r.name; }, drill);
    heatmap();
    board.setAttribute('data-drawn', String(charts.length));

    var resizing;
    window.addEventListener('resize', function () {
        clearTimeout(resizing);
        resizing = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
    });
    if (screen) {
        var seconds = parseInt(board.getAttribute('data-refresh'), 10) || 60;
        setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
    var switcher = document.querySelector('.gj-cockpit-switch select');
    if (switcher) {
        switcher.addEventListener('change', function () { switcher.form.submit(); });
    }
}());
